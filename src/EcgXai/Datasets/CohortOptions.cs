namespace EcgXai.Datasets;

/// <summary>Options of a cohort report: the dataset specs and an optional run folder for <c>data/cohort.csv</c> and <c>.json</c>.</summary>
/// <param name="Specs">Dataset specs (<c>KIND:PATH[@SPLIT]</c>).</param>
/// <param name="OutDirectory">Run folder to write into, or null to only compute.</param>
public sealed record CohortOptions(IReadOnlyList<string> Specs, string? OutDirectory = null);
