namespace EcgXai.Explain.Evidence;

/// <summary>What <see cref="GroundTruth.Run"/> scores and where it writes (<c>OutDirectory/explain/groundtruth/</c>).</summary>
/// <param name="ModelPath">The checkpoint; its output named after an evidence kind (e.g. <c>EVIDENCE_P_ABSENT</c>) is explained.</param>
/// <param name="DataSpec">A dataset with <c>.evidence</c> sidecars (<c>ecgxai synth --evidence</c>).</param>
/// <param name="OutDirectory">Run folder.</param>
public sealed record GroundTruthOptions(string ModelPath, string DataSpec, string OutDirectory)
{
    /// <summary>Variant tokens (<see cref="Faithfulness.ExplanationVariant.Parse"/>; gradient × input and random always added).</summary>
    public IReadOnlyList<string> Variants { get; init; } = ["all"];

    /// <summary>Score at most this many positive records (the first ones with a planted cue).</summary>
    public int Records { get; init; } = 100;

    /// <summary>Top concepts per concept layer (by mean normalised relevance over the scored records) whose conditional heatmaps are scored; 0 = none.</summary>
    public int TopConcepts { get; init; } = 3;

    /// <summary>Composite of the concepts' conditional heatmaps (null = the run's SRG choice, else EpsilonPlusFlat).</summary>
    public string? Composite { get; init; }

    /// <summary>Records per batch.</summary>
    public int BatchSize { get; init; } = 8;

    /// <summary>Seed of the random explanation.</summary>
    public int Seed { get; init; }

    /// <summary>Device name ("auto", "cpu", "cuda").</summary>
    public string? Device { get; init; }

    /// <summary>Tensor cache folder, or null for the default.</summary>
    public string? CacheDirectory { get; init; }
}
