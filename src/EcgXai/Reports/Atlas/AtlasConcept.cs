namespace EcgXai.Reports.Atlas;

/// <summary>
/// One concept (a channel of a graph node) as its card shows it: rank and mean relevance for the target, every other
/// per-concept value the run folder's tables hold (purity, receptive field, per-dataset ranks, ...), its per-lead
/// relevance profile and its pictures (reference samples, conditional heatmaps).
/// </summary>
/// <param name="Layer">The graph node, e.g. <c>blocks.3.out</c>.</param>
/// <param name="Channel">The channel index.</param>
/// <param name="Rank">1-based rank by mean relevance, when a ranking gives it.</param>
/// <param name="MeanRelevance">Mean relevance for the target, when given.</param>
/// <param name="Attributes">Other per-concept values by column name, in the order first seen.</param>
/// <param name="LeadProfile">Share of the concept's relevance per lead (lead name, share), when given.</param>
/// <param name="Images">Pictures whose file name names this concept.</param>
public sealed record AtlasConcept(string Layer, int Channel, int? Rank, double? MeanRelevance,
    IReadOnlyList<KeyValuePair<string, string>> Attributes, IReadOnlyList<(string Lead, double Share)> LeadProfile, IReadOnlyList<AtlasImage> Images);
