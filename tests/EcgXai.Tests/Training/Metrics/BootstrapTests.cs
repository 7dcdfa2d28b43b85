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
    public void ResamplesAreStratifiedSoARareClassKeepsEveryResample()
    {
        // one positive among 20: an unstratified resample misses it with probability (19/20)^20 = 36 %
        var scores = new BinaryScores(Enumerable.Range(0, 20).Select(i => (double)i).ToArray(), Enumerable.Range(0, 20).Select(i => i == 10).ToArray());
        var ci = Bootstrap.Auroc(scores, resamples: 200, seed: 3);
        Assert.Equal(200, ci.Resamples);
        Assert.True(ci.Lower <= ci.Estimate && ci.Estimate <= ci.Upper);
        // the single positive is always drawn, so only the negatives vary: AUROC = share of drawn negatives below score 10
        Assert.InRange(ci.Lower, 0.2, 0.55);
        Assert.InRange(ci.Upper, 0.45, 0.8);
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

    [Fact]
    public void PairedDifferenceOfAModelWithItselfIsExactlyZero()
    {
        double[] raw = Enumerable.Range(0, 40).Select(i => Math.Sin(i * 1.3)).ToArray();
        bool[] labels = Enumerable.Range(0, 40).Select(i => i % 3 == 0).ToArray();
        var a = new BinaryScores(raw, labels);
        var ci = Bootstrap.PairedAurocDifference(a, new BinaryScores(raw, labels), resamples: 200, seed: 1);
        Assert.Equal((0.0, 0.0, 0.0, 200), (ci.Estimate, ci.Lower, ci.Upper, ci.Resamples));
    }

    [Fact]
    public void PairedDifferenceIsNarrowerThanTheUnpairedIntervalsSuggest()
    {
        var random = new Random(4);
        bool[] labels = Enumerable.Range(0, 200).Select(i => i % 4 == 0).ToArray();
        double[] teacher = labels.Select(l => (l ? 1.0 : 0.0) + random.NextDouble() * 1.6).ToArray();
        double[] student = teacher.Select(t => t + (random.NextDouble() - 0.5) * 0.2).ToArray();
        var a = new BinaryScores(teacher, labels);
        var b = new BinaryScores(student, labels);

        var paired = Bootstrap.PairedAurocDifference(a, b, resamples: 400, seed: 2);
        var ciA = Bootstrap.Auroc(a, resamples: 400, seed: 2);

        Assert.Equal(Auroc.Compute(a) - Auroc.Compute(b), paired.Estimate, 12);
        Assert.True(paired.Lower <= paired.Estimate && paired.Estimate <= paired.Upper);
        Assert.True(paired.Upper - paired.Lower < (ciA.Upper - ciA.Lower) / 2, $"paired width {paired.Upper - paired.Lower}, single {ciA.Upper - ciA.Lower}");
        Assert.Throws<ArgumentException>(() => Bootstrap.PairedAurocDifference(a, new BinaryScores(teacher, labels.Select(l => !l).ToArray())));
    }
}
