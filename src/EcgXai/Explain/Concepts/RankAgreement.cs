using System.Text.Json.Serialization;

namespace EcgXai.Explain.Concepts;

/// <summary>How much two datasets agree on the ranking of one layer's concepts by mean normalised relevance.</summary>
/// <param name="Layer">Layer key.</param>
/// <param name="DatasetA">First dataset.</param>
/// <param name="DatasetB">Second dataset.</param>
/// <param name="Spearman">Spearman correlation of the two mean-relevance vectors.</param>
/// <param name="TopOverlap">Share of the top <see cref="TopCount"/> concepts of A that are in the top of B.</param>
public sealed record RankAgreement(
    [property: JsonPropertyName("layer")] string Layer,
    [property: JsonPropertyName("dataset_a")] string DatasetA,
    [property: JsonPropertyName("dataset_b")] string DatasetB,
    [property: JsonPropertyName("spearman")] double Spearman,
    [property: JsonPropertyName("top10_overlap")] double TopOverlap)
{
    /// <summary>Length of the compared top lists.</summary>
    public const int TopCount = 10;

    /// <summary>The agreement of the rows of one layer from two datasets (rows in concept order).</summary>
    public static RankAgreement Of(IReadOnlyList<ConceptRow> a, IReadOnlyList<ConceptRow> b)
    {
        double[] ma = a.Select(r => r.NormalisedMean).ToArray(), mb = b.Select(r => r.NormalisedMean).ToArray();
        return new RankAgreement(a[0].Layer, a[0].Dataset, b[0].Dataset, ConceptRanking.Spearman(ma, mb),
            ConceptRanking.TopOverlap(ConceptRanking.Order(ma), ConceptRanking.Order(mb), TopCount));
    }
}
