using EcgXai.Training.Metrics;

namespace EcgXai.Tests.Training.Metrics;

public class BootstrapTests
{
    private static BinaryScores Noisy(int n, int seed)
    {
        var random = new Random(seed);
        bool[] labels = Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.4).ToArray();
        double[] scores = labels.Select(l => Math.Round((l ? 0.6 : 0.4) + 0.3 * (random.NextDouble() - 0.5), 2)).ToArray();
        return new BinaryScores(scores, labels);
    }

    [Fact]
    public void SameSeedSameIntervalAndIntervalBracketsEstimate()
    {
        var scores = Noisy(200, 1);
        var a = Bootstrap.Auroc(scores, resamples: 300, seed: 5);
        var b = Bootstrap.Auroc(scores, resamples: 300, seed: 5);
        var c = Bootstrap.Auroc(scores, resamples: 300, seed: 6);
        Assert.Equal(a, b);
        Assert.NotEqual(a.Lower, c.Lower);
        Assert.Equal(Auroc.Compute(scores), a.Estimate);
        Assert.True(a.Lower < a.Estimate && a.Estimate < a.Upper, $"{a}");
        Assert.True(a.Upper - a.Lower is > 0.01 and < 0.3, $"{a}");
        Assert.Equal(300, a.Resamples);
    }

    [Fact]
    public void WiderLevelGivesWiderInterval()
    {
        var scores = Noisy(100, 2);
        var narrow = Bootstrap.Auroc(scores, resamples: 400, seed: 1, level: 0.5);
        var wide = Bootstrap.Auroc(scores, resamples: 400, seed: 1, level: 0.99);
        Assert.True(wide.Lower < narrow.Lower && wide.Upper > narrow.Upper);
    }

    [Fact]
    public void UndefinedResamplesAreSkipped()
    {
        // one positive among 20: many resamples miss it
        var scores = new BinaryScores(Enumerable.Range(0, 20).Select(i => (double)i).ToArray(), Enumerable.Range(0, 20).Select(i => i == 10).ToArray());
        var ci = Bootstrap.Auroc(scores, resamples: 200, seed: 3);
        Assert.InRange(ci.Resamples, 100, 199);
        var none = Bootstrap.Auroc(new BinaryScores([0.1, 0.2], [false, false]), resamples: 10);
        Assert.Equal(0, none.Resamples);
        Assert.True(double.IsNaN(none.Lower) && double.IsNaN(none.Estimate));
    }

    [Fact]
    public void QuantileInterpolatesLinearly()
    {
        double[] sorted = [1, 2, 3, 4];
        Assert.Equal(1.75, Bootstrap.Quantile(sorted, 0.25), 12);
        Assert.Equal(1.0, Bootstrap.Quantile(sorted, 0));
        Assert.Equal(4.0, Bootstrap.Quantile(sorted, 1));
        Assert.True(double.IsNaN(Bootstrap.Quantile([], 0.5)));
    }
}
