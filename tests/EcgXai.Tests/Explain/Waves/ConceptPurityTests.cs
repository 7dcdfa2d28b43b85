using EcgXai.Explain.Waves;
using EcgXai.Synthesis;

namespace EcgXai.Tests.Explain.Waves;

/// <summary>Purity, position consistency and planted-evidence scores on constructed relevance.</summary>
public class ConceptPurityTests
{
    private static readonly WaveAnnotation Waves = EcgSynthesizer.Generate(SynthesisSettings.Default with { Noise = NoiseSettings.None }, 2, 0, 10, "p").Waves;

    [Fact]
    public void RelevanceWhollyInQrsIsPureAndUniformRelevanceIsNot()
    {
        int n = Waves.Labels.Count;
        var qrs = new float[12 * n];
        var uniform = new float[12 * n];
        for (int l = 0; l < 12; l++)
        {
            for (int t = 0; t < n; t++)
            {
                qrs[(l * n) + t] = Waves.Labels[t] == WaveLabel.Qrs ? 1 + (t % 3) : -(t % 2);
                uniform[(l * n) + t] = 0.5f;
            }
        }
        var pure = new ConceptPurity(12);
        pure.Add(qrs, Waves.Labels);
        Assert.Equal(1, pure.Purity, 12);
        Assert.Equal(1, pure.WaveShare[WaveLabel.Qrs], 12);
        var spread = new ConceptPurity(12);
        spread.Add(uniform, Waves.Labels);
        Assert.Equal(0, spread.Purity, 12);
        Assert.All(spread.LeadShare, s => Assert.Equal(1 / 12.0, s, 12));
        double tShare = Waves.Labels.Count(l => l == WaveLabel.T) / (double)n;
        Assert.Equal(tShare, spread.WaveShare[WaveLabel.T], 12);
    }

    [Fact]
    public void ShardsMergeToTheSameAsOneAccumulator()
    {
        int n = Waves.Labels.Count;
        var rng = new Random(3);
        float[][] refs = Enumerable.Range(0, 4).Select(_ => Enumerable.Range(0, 12 * n).Select(_ => (float)(rng.NextDouble() - 0.3)).ToArray()).ToArray();
        var all = new ConceptPurity(12);
        var a = new ConceptPurity(12);
        var b = new ConceptPurity(12);
        for (int i = 0; i < refs.Length; i++)
        {
            all.Add(refs[i], Waves.Labels);
            (i < 2 ? a : b).Add(refs[i], Waves.Labels);
        }
        a.Add(b);
        Assert.Equal(all.Purity, a.Purity, 12);
        Assert.Equal(4, a.References);
        Assert.InRange(all.Purity, 0, 0.05);
    }

    [Fact]
    public void PerfectExplanationScoresOneAndRandomScoresTheRegionShare()
    {
        int cells = 12 * 1000;
        var region = new bool[cells];
        for (int i = 0; i < cells; i++)
        {
            region[i] = i % 1000 is >= 200 and < 300;
        }
        var perfect = region.Select((r, i) => r ? 1f + (i % 7) : 0f).ToArray();
        EvidenceScore p = EvidenceScore.Measure(perfect, region);
        Assert.Equal(1, p.MassAccuracy);
        Assert.Equal(1, p.RankAccuracy);
        Assert.Equal(1, p.Pointing);
        // A top value shared by one cell inside and three outside points a quarter inside.
        var tied = new float[cells];
        tied[250] = tied[0] = tied[1] = tied[2] = 5f;
        Assert.Equal(0.25, EvidenceScore.Measure(tied, region).Pointing);
        var rng = new Random(5);
        var random = Enumerable.Range(0, cells).Select(_ => (float)rng.NextDouble()).ToArray();
        EvidenceScore r = EvidenceScore.Measure(random, region);
        Assert.Equal(0.1, r.RegionShare, 12);
        Assert.InRange(r.MassAccuracy, 0.09, 0.11);
        Assert.InRange(r.RankAccuracy, 0.07, 0.13);
    }

    [Fact]
    public void PeaksAtTheSamePhaseAreConsistentAndScatteredOnesAreNot()
    {
        int[] beats = [100, 600, 1100, 1600, 2100];
        var lists = Enumerable.Repeat<IReadOnlyList<int>>(beats, 4).ToArray();
        PositionConsistency same = PositionConsistency.Measure([150, 650, 1150, 1650], lists, 500);
        Assert.Equal(100, same.MeanOffsetMs, 9);
        Assert.Equal(0, same.OffsetSpreadMs, 9);
        Assert.Equal(0.1, same.MeanPhase, 9);
        Assert.Equal(0, same.PhaseSpread, 6);
        PositionConsistency scattered = PositionConsistency.Measure([150, 725, 1350, 1975], lists, 500);
        Assert.True(scattered.PhaseSpread > 0.2, $"phase spread {scattered.PhaseSpread}");
        Assert.Equal(3, PositionConsistency.PeakSample([0, 0, 1, 0, 0, 0, 0, 2], 2));
    }
}
