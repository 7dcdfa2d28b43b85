namespace EcgXai.Reports.Explanation;

/// <summary>The explanation of one record: prediction per class, the heatmap and the top concepts of a layer.</summary>
/// <param name="Id">Record id.</param>
/// <param name="Source">File (or dataset spec) it came from.</param>
/// <param name="Probabilities">Sigmoid output per class, in the model's class order.</param>
/// <param name="Target">The class explained.</param>
/// <param name="Folder">Folder name of its outputs inside the output folder.</param>
/// <param name="Heatmap">File name of its per-lead heatmap PNG, relative to <paramref name="Folder"/>.</param>
/// <param name="Concepts">Top concepts of the chosen layer (empty when none was asked).</param>
public sealed record RecordExplanation(string Id, string Source, IReadOnlyDictionary<string, double> Probabilities, string Target,
    string Folder, string Heatmap, IReadOnlyList<ConceptShare> Concepts);
