using System.Text.Json.Nodes;

namespace EcgXai.Reports.Atlas;

/// <summary>Everything the atlas shows of one run folder, read without recomputing anything.</summary>
/// <param name="Root">The run folder.</param>
/// <param name="Config">Its <c>config.json</c>, when present.</param>
/// <param name="ModelPath">The model whose SHA-256 keys the notes, when found.</param>
/// <param name="ModelSha256">That model's SHA-256 (empty when no model was found).</param>
/// <param name="Cohort">The cohort table, when present.</param>
/// <param name="Sections">Result folders with every file not shown elsewhere, in path order.</param>
/// <param name="Concepts">Concept cards, by layer then rank.</param>
public sealed record RunContent(string Root, JsonNode? Config, string? ModelPath, string ModelSha256, AtlasTable? Cohort,
    IReadOnlyList<AtlasSection> Sections, IReadOnlyList<AtlasConcept> Concepts)
{
    /// <summary>The concept analysis' <c>config.json</c> (target, explainer, data), when present.</summary>
    public JsonNode? ConceptConfig { get; init; }

    /// <summary>The class the concepts explain, when known.</summary>
    public string? Target { get; init; }

    /// <summary>The model's sample rate in Hz, when its configuration gives it (receptive fields in ms).</summary>
    public double? SampleRate { get; init; }

    /// <summary>Summaries of the model and data (the AUROC table).</summary>
    public IReadOnlyList<AtlasBlock> ModelAndData { get; init; } = [];

    /// <summary>Summaries of the other results (agreement, SRG, pruning, planted evidence).</summary>
    public IReadOnlyList<AtlasBlock> Results { get; init; } = [];

    /// <summary>Pictures of a whole layer (its ranking, its purity), by layer.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<AtlasImage>> LayerImages { get; init; } = new Dictionary<string, IReadOnlyList<AtlasImage>>();
}
