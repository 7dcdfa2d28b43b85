using EcgXai.Training.Metrics;

namespace EcgXai.Tests.Training.Metrics;

public class ThresholdMetricsTests
{
    private static readonly double[] Scores = [0.1, 0.35, 0.4, 0.4, 0.8, 0.9, 0.2, 0.6];
    private static readonly bool[] Labels = [false, true, false, true, true, false, false, true];

    private static (int Tp, int Fp, int Tn, int Fn) Count(double threshold)
    {
        int tp = 0, fp = 0, tn = 0, fn = 0;
        for (int i = 0; i < Scores.Length; i++)
        {
            bool predicted = Scores[i] >= threshold;
            (tp, fp, tn, fn) = (predicted, Labels[i]) switch
            {
                (true, true) => (tp + 1, fp, tn, fn),
                (true, false) => (tp, fp + 1, tn, fn),
                (false, false) => (tp, fp, tn + 1, fn),
                _ => (tp, fp, tn, fn + 1),
            };
        }
        return (tp, fp, tn, fn);
    }

    [Fact]
    public void RatesAtAThreshold()
    {
        var m = ThresholdMetrics.At(new BinaryScores(Scores, Labels), 0.4);
        // predicted positive: 0.4(n), 0.4(p), 0.8(p), 0.9(n), 0.6(p) -> TP 3, FP 2; FN = 0.35(p) -> 1; TN 2
        Assert.Equal((3, 2, 2, 1), (m.TruePositives, m.FalsePositives, m.TrueNegatives, m.FalseNegatives));
        Assert.Equal(0.75, m.Sensitivity, 12);
        Assert.Equal(0.5, m.Specificity, 12);
        Assert.Equal(0.6, m.Precision, 12);
        Assert.Equal(6.0 / 9.0, m.F1, 12);
    }

    [Fact]
    public void F1OptimalThresholdBeatsEveryCandidate()
    {
        var best = ThresholdMetrics.F1Optimal(new BinaryScores(Scores, Labels));
        double bestF1 = Scores.Distinct().Max(t =>
        {
            var (tp, fp, _, fn) = Count(t);
            return 2.0 * tp / (2 * tp + fp + fn);
        });
        Assert.Equal(bestF1, best.F1, 12);
        Assert.Equal(Count(best.Threshold), (best.TruePositives, best.FalsePositives, best.TrueNegatives, best.FalseNegatives));
        // 0.35 (all 4 positives, 2 FP -> 8/10) beats 0.6 (2 TP -> 4/6) and 0.4 (6/9)
        Assert.Equal(0.35, best.Threshold);
    }

    [Fact]
    public void NoPositivesFallsBackAndRatesAreUndefined()
    {
        var m = ThresholdMetrics.F1Optimal(new BinaryScores([0.2, 0.7], [false, false]), fallback: 0.5);
        Assert.Equal(0.5, m.Threshold);
        Assert.True(double.IsNaN(m.Sensitivity));
        Assert.Equal(0.5, m.Specificity);
    }
}
