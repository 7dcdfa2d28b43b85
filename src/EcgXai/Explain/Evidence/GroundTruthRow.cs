using System.Text.Json.Serialization;

namespace EcgXai.Explain.Evidence;

/// <summary>
/// Mean scores of one explanation against the planted cue over the scored records: at the input for a variant, or
/// through one concept's conditional heatmap.
/// </summary>
/// <param name="Variant">Variant name (<c>composite/policy</c>, <c>gradient_x_input</c>, <c>random</c>).</param>
/// <param name="Layer">The concept's node, or <c>input</c> for the variant's input heatmap.</param>
/// <param name="Concept">The concept (channel), or null at the input.</param>
/// <param name="Rank">The concept's rank in its layer, or null at the input.</param>
/// <param name="Records">Records scored.</param>
/// <param name="MassAccuracy">Mean share of positive relevance inside the region.</param>
/// <param name="RankAccuracy">Mean share of the top-K cells inside the region (K = region size).</param>
/// <param name="Pointing">Mean pointing-game score: the share of records whose top cell lies inside the region (tied top cells count by their share inside).</param>
/// <param name="RegionShare">Mean share of cells in the region (a random explanation's expected mass accuracy).</param>
public sealed record GroundTruthRow(
    [property: JsonPropertyName("variant")] string Variant,
    [property: JsonPropertyName("layer")] string Layer,
    [property: JsonPropertyName("concept")] int? Concept,
    [property: JsonPropertyName("rank")] int? Rank,
    [property: JsonPropertyName("records")] int Records,
    [property: JsonPropertyName("mass_accuracy")] double MassAccuracy,
    [property: JsonPropertyName("rank_accuracy")] double RankAccuracy,
    [property: JsonPropertyName("pointing")] double Pointing,
    [property: JsonPropertyName("region_share")] double RegionShare)
{
    /// <summary>Place name of input rows.</summary>
    public const string Input = "input";
}
