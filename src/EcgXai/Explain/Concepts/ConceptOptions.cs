using System.Text.Json.Serialization;

namespace EcgXai.Explain.Concepts;

/// <summary>What <c>ecgxai concepts</c> analyses and where it writes (<c>OutDirectory/explain/concepts/</c>).</summary>
/// <param name="Model">The model checkpoint.</param>
/// <param name="Data">Dataset specs <c>KIND:PATH[@SPLIT]</c>; statistics are kept per dataset and over all.</param>
/// <param name="Target">The explained class.</param>
/// <param name="OutDirectory">The run (or part) folder.</param>
public sealed record ConceptOptions(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("data")] IReadOnlyList<string> Data,
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("out")] string OutDirectory)
{
    /// <summary>Default length of the reference lists.</summary>
    public const int DefaultTopK = 40;

    /// <summary>Default number of bootstrap replicates.</summary>
    public const int DefaultReplicates = 200;

    /// <summary>Nodes whose channels are concepts; null = every recordable node.</summary>
    [JsonPropertyName("layers")] public IReadOnlyList<string>? Layers { get; init; }

    /// <summary>Also aggregate every (channel, time) position of the classifier input.</summary>
    [JsonPropertyName("positions")] public bool Positions { get; init; } = true;

    /// <summary>Which records are explained.</summary>
    [JsonPropertyName("records")] public ConceptRecords Records { get; init; } = ConceptRecords.Positives;

    /// <summary>Length of each RelMax/ActMax list.</summary>
    [JsonPropertyName("top_k")] public int TopK { get; init; } = DefaultTopK;

    /// <summary>Process only this shard of the selected records (then only the mergeable state is written).</summary>
    [JsonPropertyName("shard")] public ShardSpec? Shard { get; init; }

    /// <summary>Records per explanation batch.</summary>
    [JsonPropertyName("batch")] public int BatchSize { get; init; } = 8;

    /// <summary>Device name ("auto", "cpu", "cuda").</summary>
    [JsonPropertyName("device")] public string? Device { get; init; }

    /// <summary>Tensor cache folder (null = the default).</summary>
    [JsonPropertyName("cache")] public string? CacheDirectory { get; init; }

    /// <summary>Composite name; null = the best SRG variant of the run folder when recorded, else EpsilonPlusFlat.</summary>
    [JsonPropertyName("composite")] public string? Composite { get; init; }

    /// <summary>Bootstrap replicates of the mean-relevance and rank intervals (0 = none).</summary>
    [JsonPropertyName("replicates")] public int Replicates { get; init; } = DefaultReplicates;

    /// <summary>Bootstrap seed.</summary>
    [JsonPropertyName("seed")] public ulong Seed { get; init; }

    /// <summary>Compute reference heatmaps of the top concepts.</summary>
    [JsonPropertyName("references")] public bool References { get; init; } = true;

    /// <summary>Compute per-lead relevance profiles of the top concepts.</summary>
    [JsonPropertyName("lead_profiles")] public bool LeadProfiles { get; init; } = true;

    /// <summary>Compute the wave purity and position consistency of the top concepts (purity.csv, purity.json, purity-LAYER.png).</summary>
    [JsonPropertyName("purity")] public bool Purity { get; init; } = true;

    /// <summary>Compute the attribution graph of the top concepts.</summary>
    [JsonPropertyName("attribution_graph")] public bool AttributionGraph { get; init; } = true;

    /// <summary>Concepts per layer (by rank over all datasets) that get references, profiles and graphs.</summary>
    [JsonPropertyName("top_concepts")] public int TopConcepts { get; init; } = 8;

    /// <summary>RelMax references per top concept that get heatmaps.</summary>
    [JsonPropertyName("reference_count")] public int ReferenceCount { get; init; } = 8;

    /// <summary>Lower-layer concepts kept per node of the attribution graph.</summary>
    [JsonPropertyName("graph_width")] public int GraphWidth { get; init; } = 5;

    /// <summary>Throws <see cref="ArgumentException"/> for options the analysis cannot run with.</summary>
    public void Validate()
    {
        if (Data.Count == 0)
        {
            throw new ArgumentException("give at least one dataset (--data)");
        }
        if (Data.Distinct().Count() != Data.Count)
        {
            throw new ArgumentException("a dataset is given twice");
        }
        if (TopK < 1 || BatchSize < 1 || Replicates < 0 || TopConcepts < 1 || ReferenceCount < 1 || GraphWidth < 1)
        {
            throw new ArgumentException("top-k, batch, top concepts, reference count and graph width must be positive, replicates not negative");
        }
        if (ReferenceCount > TopK)
        {
            throw new ArgumentException($"reference count {ReferenceCount} exceeds the top-k lists' length {TopK}");
        }
    }
}
