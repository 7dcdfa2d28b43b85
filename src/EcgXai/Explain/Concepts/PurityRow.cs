using System.Text.Json.Serialization;
using EcgXai.Explain.Waves;
using EcgXai.Synthesis;

namespace EcgXai.Explain.Concepts;

/// <summary>The wave purity of one top concept over its RelMax references, under one source of wave labels.</summary>
/// <param name="Layer">The concept's layer key.</param>
/// <param name="Concept">The channel.</param>
/// <param name="Rank">Its rank (1 = most relevant) in the layer over all datasets.</param>
/// <param name="Labels"><see cref="GroundTruth"/> (the generator's sidecars) or <see cref="Delineated"/> (detector and delineator).</param>
/// <param name="References">References whose labels were known.</param>
/// <param name="Purity">1 − normalised entropy of the relevance density over wave classes (<see cref="ConceptPurity"/>).</param>
/// <param name="WaveShare">Share of positive conditional relevance per wave class.</param>
/// <param name="Position">Spread of the peak-relevance positions relative to the R peaks.</param>
public sealed record PurityRow(
    [property: JsonPropertyName("layer")] string Layer,
    [property: JsonPropertyName("concept")] int Concept,
    [property: JsonPropertyName("rank")] int Rank,
    [property: JsonPropertyName("labels")] string Labels,
    [property: JsonPropertyName("references")] int References,
    [property: JsonPropertyName("purity")] double Purity,
    [property: JsonPropertyName("wave_share")] IReadOnlyDictionary<WaveLabel, double> WaveShare,
    [property: JsonPropertyName("position")] PositionConsistency Position)
{
    /// <summary>Label source: the generator's <c>.waves</c> sidecars.</summary>
    public const string GroundTruth = "groundtruth";

    /// <summary>Label source: <see cref="RPeakDetector"/> and <see cref="WaveDelineator"/> on the input signal.</summary>
    public const string Delineated = "delineated";
}
