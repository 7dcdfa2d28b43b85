using System.Text.Json.Serialization;

namespace EcgXai.Explain.Concepts;

/// <summary>
/// Aggregate statistics of one concept of one layer over the records of one dataset (or "all"): mean and standard
/// deviation of each <see cref="ConceptMeasure"/>, the rank by mean normalised relevance and its bootstrap intervals.
/// </summary>
public sealed record ConceptRow(
    [property: JsonPropertyName("dataset")] string Dataset,
    [property: JsonPropertyName("layer")] string Layer,
    [property: JsonPropertyName("concept")] int Concept,
    [property: JsonPropertyName("records")] long Records,
    [property: JsonPropertyName("rank")] int Rank,
    [property: JsonPropertyName("relevance_mean")] double RelevanceMean,
    [property: JsonPropertyName("relevance_sd")] double RelevanceSd,
    [property: JsonPropertyName("normalised_mean")] double NormalisedMean,
    [property: JsonPropertyName("normalised_sd")] double NormalisedSd,
    [property: JsonPropertyName("activation_max_mean")] double ActivationMaxMean,
    [property: JsonPropertyName("activation_max_sd")] double ActivationMaxSd,
    [property: JsonPropertyName("activation_sum_mean")] double ActivationSumMean,
    [property: JsonPropertyName("activation_sum_sd")] double ActivationSumSd,
    [property: JsonPropertyName("normalised_mean_ci_low")] double MeanLow,
    [property: JsonPropertyName("normalised_mean_ci_high")] double MeanHigh,
    [property: JsonPropertyName("rank_ci_low")] double RankLow,
    [property: JsonPropertyName("rank_ci_high")] double RankHigh)
{
    /// <summary>Rows of every concept of <paramref name="layer"/> in <paramref name="dataset"/>, in concept order.</summary>
    public static IReadOnlyList<ConceptRow> Of(string dataset, LayerAccumulator layer)
    {
        ChannelMoments Moments(ConceptMeasure m) => layer.Moments[m];
        double Mean(ConceptMeasure m, int c) => Moments(m).Count == 0 ? double.NaN : Moments(m).Mean[c];
        double[] normalised = Enumerable.Range(0, layer.Concepts).Select(c => Mean(ConceptMeasure.NormalisedRelevance, c)).ToArray();
        IReadOnlyList<int> order = ConceptRanking.Order(normalised);
        var rank = new int[layer.Concepts];
        for (int r = 0; r < order.Count; r++)
        {
            rank[order[r]] = r + 1;
        }
        BootstrapIntervals? ci = layer.Bootstrap?.Intervals();
        double Ci(IReadOnlyList<double>? values, int c) => values is null ? double.NaN : values[c];
        return Enumerable.Range(0, layer.Concepts).Select(c => new ConceptRow(dataset, layer.Layer, c, layer.Count, rank[c],
            Mean(ConceptMeasure.Relevance, c), Moments(ConceptMeasure.Relevance).StandardDeviation(c),
            normalised[c], Moments(ConceptMeasure.NormalisedRelevance).StandardDeviation(c),
            Mean(ConceptMeasure.ActivationMax, c), Moments(ConceptMeasure.ActivationMax).StandardDeviation(c),
            Mean(ConceptMeasure.ActivationSum, c), Moments(ConceptMeasure.ActivationSum).StandardDeviation(c),
            Ci(ci?.MeanLow, c), Ci(ci?.MeanHigh, c), Ci(ci?.RankLow, c), Ci(ci?.RankHigh, c))).ToArray();
    }
}
