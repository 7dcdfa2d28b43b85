using System.Text.Json.Serialization;

namespace EcgXai.Explain.Concepts;

/// <summary>What a concept pass aggregates; parts of one analysis must agree on all of it to merge.</summary>
/// <param name="Target">The explained class.</param>
/// <param name="Layers">Aggregated nodes, in table order.</param>
/// <param name="TopK">Length of each reference list.</param>
/// <param name="Replicates">Bootstrap replicates (0 = no bootstrap).</param>
/// <param name="Seed">Bootstrap seed.</param>
public sealed record ConceptSettings(
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("layers")] IReadOnlyList<ConceptLayer> Layers,
    [property: JsonPropertyName("top_k")] int TopK,
    [property: JsonPropertyName("replicates")] int Replicates,
    [property: JsonPropertyName("seed")] ulong Seed)
{
    /// <summary>True when both describe the same aggregation (layer lists compared by value).</summary>
    public bool Matches(ConceptSettings other) =>
        Target == other.Target && TopK == other.TopK && Replicates == other.Replicates && Seed == other.Seed && Layers.SequenceEqual(other.Layers);

    /// <summary>The bootstrap these settings describe.</summary>
    public PoissonBootstrap Bootstrap() => new(Replicates, Seed);
}
