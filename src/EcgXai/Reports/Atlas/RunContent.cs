using System.Text.Json.Nodes;

namespace EcgXai.Reports.Atlas;

/// <summary>Everything the atlas shows of one run folder, read without recomputing anything.</summary>
/// <param name="Root">The run folder.</param>
/// <param name="Config">Its <c>config.json</c>, when present.</param>
/// <param name="ModelPath">The model whose SHA-256 keys the notes, when found.</param>
/// <param name="ModelSha256">That model's SHA-256 (empty when no model was found).</param>
/// <param name="Cohort">The cohort table, when present.</param>
/// <param name="Sections">Result folders (evaluation, SRG, pruning, ...), in path order.</param>
/// <param name="Concepts">Concept cards, by layer then rank.</param>
public sealed record RunContent(string Root, JsonNode? Config, string? ModelPath, string ModelSha256, AtlasTable? Cohort,
    IReadOnlyList<AtlasSection> Sections, IReadOnlyList<AtlasConcept> Concepts);
