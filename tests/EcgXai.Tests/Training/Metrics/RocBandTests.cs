using EcgXai.Training.Metrics;

namespace EcgXai.Tests.Training.Metrics;

public class RocBandTests
{
    private static readonly BinaryScores Four = new([0.1, 0.4, 0.35, 0.8], [false, false, true, true]);

    [Fact]
    public void UnitWeightsFollowTheCurveTakingTheHighestRateAtAVerticalStep()
    {
        // From the top: 0.8 (+) → (0, 0.5), 0.4 (−) → (0.5, 0.5), 0.35 (+) → (0.5, 1), 0.1 (−) → (1, 1).
        double[] rates = RocBand.TruePositiveRatesAt(Four, [1, 1, 1, 1], [0, 0.25, 0.5, 0.75, 1]);
        Assert.Equal([0.5, 0.5, 1, 1, 1], rates);
    }

    [Fact]
    public void TiedScoresGiveTheDiagonalAndWeightsCountRecordsRepeatedly()
    {
        var tied = new BinaryScores([0.3, 0.3, 0.3, 0.3], [true, false, false, true]);
        Assert.Equal([0, 0.25, 0.5, 1], RocBand.TruePositiveRatesAt(tied, [1, 1, 1, 1], [0, 0.25, 0.5, 1]));
        // Sorted order 0.1 (−), 0.35 (+), 0.4 (−), 0.8 (+); dropping the 0.4 negative and doubling the 0.1 one separates perfectly.
        Assert.Equal([1, 1], RocBand.TruePositiveRatesAt(Four, [2, 1, 0, 1], [0, 0.5]));
        Assert.All(RocBand.TruePositiveRatesAt(Four, [0, 1, 0, 1], [0, 1]), r => Assert.True(double.IsNaN(r)));
    }

    [Fact]
    public void BandBracketsTheFullSampleCurveAndNarrowsWithMoreRecords()
    {
        static BinaryScores Noisy(int n)
        {
            var random = new Random(4);
            bool[] labels = Enumerable.Range(0, n).Select(i => i % 3 == 0).ToArray();
            return new BinaryScores(labels.Select(l => (l ? 0.6 : 0.4) + (0.4 * (random.NextDouble() - 0.5))).ToArray(), labels);
        }
        double Width(RocBand b) => Enumerable.Range(0, b.Lower.Count).Average(i => b.Upper[i] - b.Lower[i]);
        BinaryScores small = Noisy(60), large = Noisy(600);
        RocBand band = Bootstrap.RocBand(small, resamples: 300, seed: 2);
        double[] curve = RocBand.TruePositiveRatesAt(small, Enumerable.Repeat(1, small.Count).ToArray(), band.FalsePositiveRates);
        Assert.Equal(RocBand.DefaultPoints, band.FalsePositiveRates.Count);
        Assert.All(Enumerable.Range(0, curve.Length), i => Assert.True(band.Lower[i] <= band.Upper[i]));
        Assert.True(Enumerable.Range(0, curve.Length).Count(i => band.Lower[i] <= curve[i] && curve[i] <= band.Upper[i]) >= 0.95 * curve.Length);
        Assert.True(Width(Bootstrap.RocBand(large, resamples: 300, seed: 2)) < 0.6 * Width(band));
        Assert.Equal(band.Lower, Bootstrap.RocBand(small, resamples: 300, seed: 2).Lower);
    }

    [Fact]
    public void PerfectSeparationHasTheBandAtOneAndAnAbsentClassHasNone()
    {
        RocBand perfect = Bootstrap.RocBand(new BinaryScores([0.1, 0.2, 0.8, 0.9], [false, false, true, true]), resamples: 50);
        Assert.All(perfect.Lower.Concat(perfect.Upper), r => Assert.Equal(1, r));
        RocBand none = Bootstrap.RocBand(new BinaryScores([0.1, 0.2], [false, false]), resamples: 50);
        Assert.All(none.Lower, r => Assert.True(double.IsNaN(r)));
    }
}
