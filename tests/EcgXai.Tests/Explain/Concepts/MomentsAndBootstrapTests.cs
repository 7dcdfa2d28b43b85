using EcgXai.Explain.Concepts;

namespace EcgXai.Tests.Explain.Concepts;

public class MomentsAndBootstrapTests
{
    private static double[][] Values(int records, int channels, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, records).Select(_ => Enumerable.Range(0, channels).Select(c => 100 + c + rng.NextDouble() * (c + 1)).ToArray()).ToArray();
    }

    [Fact]
    public void MergedMomentsEqualOnePassAndTheDirectFormulas()
    {
        double[][] values = Values(37, 5, 3);
        var whole = new ChannelMoments(5);
        var parts = Enumerable.Range(0, 3).Select(_ => new ChannelMoments(5)).ToArray();
        for (int i = 0; i < values.Length; i++)
        {
            whole.Add(values[i]);
            parts[i % 3].Add(values[i]);
        }
        parts[0].Merge(parts[1]);
        parts[0].Merge(parts[2]);
        parts[0].Merge(new ChannelMoments(5));
        Assert.Equal(37, parts[0].Count);
        for (int c = 0; c < 5; c++)
        {
            double mean = values.Average(v => v[c]);
            double sd = Math.Sqrt(values.Sum(v => (v[c] - mean) * (v[c] - mean)) / 36);
            Assert.Equal(mean, parts[0].Mean[c], 1e-12);
            Assert.Equal(sd, parts[0].StandardDeviation(c), 1e-10);
            Assert.Equal(whole.StandardDeviation(c), parts[0].StandardDeviation(c), 1e-10);
        }
        Assert.True(double.IsNaN(new ChannelMoments(2).StandardDeviation(0)));
        Assert.Throws<ArgumentException>(() => whole.Add(new double[4]));
    }

    [Fact]
    public void PoissonWeightsDependOnTheRecordOnly()
    {
        var bootstrap = new PoissonBootstrap(2000, 9);
        int[] a = new int[2000], b = new int[2000], c = new int[2000];
        bootstrap.Weights("ptbxl", "00017_hr", a);
        bootstrap.Weights("ptbxl", "00018_hr", c);
        bootstrap.Weights("ptbxl", "00017_hr", b);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        // Poisson(1): mean 1, variance 1, P(0) = e^-1.
        Assert.InRange(a.Average(), 0.9, 1.1);
        Assert.InRange(a.Count(w => w == 0) / 2000.0, Math.Exp(-1) - 0.04, Math.Exp(-1) + 0.04);
        Assert.Throws<ArgumentException>(() => bootstrap.Weights("x", "y", new int[3]));
    }

    [Fact]
    public void BootstrapIntervalsEqualAnIndependentRecomputationAndMergeExactly()
    {
        double[][] values = Values(60, 4, 8);
        var bootstrap = new PoissonBootstrap(300, 1);
        var whole = new BootstrapSums(300, 4);
        var parts = new[] { new BootstrapSums(300, 4), new BootstrapSums(300, 4) };
        var weights = new int[60][];
        for (int i = 0; i < values.Length; i++)
        {
            weights[i] = new int[300];
            bootstrap.Weights("d", $"rec{i}", weights[i]);
            whole.Add(weights[i], values[i]);
            parts[i % 2].Add(weights[i], values[i]);
        }
        parts[0].Merge(parts[1]);
        BootstrapIntervals merged = parts[0].Intervals(), single = whole.Intervals();
        for (int c = 0; c < 4; c++)
        {
            double[] replicateMeans = Enumerable.Range(0, 300)
                .Select(r => values.Select((v, i) => weights[i][r] * v[c]).Sum() / weights.Sum(w => w[r])).Order().ToArray();
            double low = replicateMeans[7] + 0.475 * (replicateMeans[8] - replicateMeans[7]);
            Assert.Equal(low, merged.MeanLow[c], 1e-9);
            Assert.Equal(single.MeanHigh[c], merged.MeanHigh[c], 1e-9);
            double mean = values.Average(v => v[c]);
            Assert.InRange(mean, merged.MeanLow[c], merged.MeanHigh[c]);
        }
        // The channels' means are 100.5, 102, 103.5, 105 (+ noise below their gaps): ranks are stable, 4 first.
        Assert.Equal([4.0, 3, 2, 1], merged.RankLow);
        Assert.Equal([4.0, 3, 2, 1], merged.RankHigh);
    }

    [Fact]
    public void SpearmanAndTopOverlapMatchTheirDefinitions()
    {
        var rng = new Random(4);
        double[] a = Enumerable.Range(0, 30).Select(_ => rng.NextDouble()).ToArray();
        double[] b = a.Select(x => x + rng.NextDouble() * 0.5).ToArray();
        double[] ra = ConceptRanking.AverageRanks(a), rb = ConceptRanking.AverageRanks(b);
        double d2 = ra.Zip(rb, (x, y) => (x - y) * (x - y)).Sum();
        Assert.Equal(1 - 6 * d2 / (30 * (30 * 30 - 1)), ConceptRanking.Spearman(a, b), 1e-12);
        Assert.Equal(1, ConceptRanking.Spearman(a, a.Select(x => Math.Exp(x)).ToArray()), 1e-12);
        Assert.Equal(-1, ConceptRanking.Spearman(a, a.Select(x => -x).ToArray()), 1e-12);
        Assert.Equal([1.5, 1.5, 3], ConceptRanking.AverageRanks([2.0, 2.0, 5.0]));

        Assert.Equal([2, 0, 1], ConceptRanking.Order([0.5, 0.1, 0.9]));
        Assert.Equal(0.5, ConceptRanking.TopOverlap([1, 2, 3, 4], [4, 1, 0, 5], 2), 12);
        Assert.Equal(0.5, ConceptRanking.TopOverlap([1, 2], [2, 3], 10), 12);
    }
}
