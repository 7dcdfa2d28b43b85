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
/// <param name="Attributes">Every per-concept value by column name (suffixed by its dataset or label source), in the order first seen.</param>
/// <param name="LeadProfile">Share of the concept's relevance per lead (lead name, share), when given.</param>
/// <param name="Images">Pictures whose file name names this concept.</param>
public sealed record AtlasConcept(string Layer, int Channel, int? Rank, double? MeanRelevance,
    IReadOnlyList<KeyValuePair<string, string>> Attributes, IReadOnlyList<(string Lead, double Share)> LeadProfile, IReadOnlyList<AtlasImage> Images)
{
    /// <summary>The confidence interval of <see cref="MeanRelevance"/>, when given.</summary>
    public (double Low, double High)? MeanInterval { get; init; }

    /// <summary>The concept's rank in each dataset's own ranking.</summary>
    public IReadOnlyList<(string Dataset, int Rank)> DatasetRanks { get; init; } = [];

    /// <summary>Wave purity (1 − normalised entropy of the wave shares), when measured.</summary>
    public double? Purity { get; init; }

    /// <summary>Where the wave labels of <see cref="Purity"/> came from (e.g. <c>groundtruth</c>, <c>delineated</c>).</summary>
    public string PurityLabels { get; init; } = "";

    /// <summary>Share of the concept's positive relevance per wave class, largest first.</summary>
    public IReadOnlyList<(string Wave, double Share)> WaveShares { get; init; } = [];

    /// <summary>Input samples in the receptive field of one unit of the concept (the widest over its references), when known.</summary>
    public int? FieldSamples { get; init; }
}
