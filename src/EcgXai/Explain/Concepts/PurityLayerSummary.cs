using System.Text.Json.Serialization;

namespace EcgXai.Explain.Concepts;

/// <summary>Purity of a layer's top concepts under both label sources.</summary>
/// <param name="Layer">Layer key.</param>
/// <param name="Concepts">Concepts measured.</param>
/// <param name="GroundTruthMean">Mean purity with the generator's labels (NaN without sidecars).</param>
/// <param name="DelineatedMean">Mean purity with the delineator's labels.</param>
/// <param name="MeanAbsoluteChange">Mean |ground truth − delineated| over concepts with both.</param>
public sealed record PurityLayerSummary(
    [property: JsonPropertyName("layer")] string Layer,
    [property: JsonPropertyName("concepts")] int Concepts,
    [property: JsonPropertyName("groundtruth_mean")] double GroundTruthMean,
    [property: JsonPropertyName("delineated_mean")] double DelineatedMean,
    [property: JsonPropertyName("mean_absolute_change")] double MeanAbsoluteChange);
