namespace EcgXai.Reports.Explanation;

/// <summary>Everything <see cref="RecordExplainer.Run"/> wrote.</summary>
/// <param name="ModelPath">The model explained.</param>
/// <param name="Composite">The LRP composite.</param>
/// <param name="ConceptLayer">The layer of the concepts, or null.</param>
/// <param name="Records">One explanation per record.</param>
/// <param name="Page">The HTML page.</param>
public sealed record ExplainReport(string ModelPath, string Composite, string? ConceptLayer, IReadOnlyList<RecordExplanation> Records, string Page)
{
    /// <summary>What gave the input heatmaps' per-lead relevance: "explainer", or the first-layer rule used instead of an input-independent one.</summary>
    public string LeadRule { get; init; } = "explainer";
}
