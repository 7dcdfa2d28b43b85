using EcgXai.Explain.Waves;

namespace EcgXai.Explain.Evidence;

/// <summary>Running means of <see cref="EvidenceScore"/>s of one explanation over records.</summary>
internal sealed class EvidenceScores
{
    private double mass, rank, pointing, share;

    /// <summary>Records added.</summary>
    public int Count { get; private set; }

    /// <summary>Adds the score of <paramref name="relevance"/> against <paramref name="region"/>.</summary>
    public void Add(ReadOnlySpan<float> relevance, ReadOnlySpan<bool> region)
    {
        EvidenceScore s = EvidenceScore.Measure(relevance, region);
        mass += s.MassAccuracy;
        rank += s.RankAccuracy;
        pointing += s.Pointing;
        share += s.RegionShare;
        Count++;
    }

    /// <summary>The row of the means.</summary>
    public GroundTruthRow Row(string variant, string layer, int? concept, int? conceptRank) =>
        new(variant, layer, concept, conceptRank, Count, mass / Count, rank / Count, pointing / Count, share / Count);
}
