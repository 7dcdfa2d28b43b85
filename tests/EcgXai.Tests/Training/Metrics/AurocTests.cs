using EcgXai.Training.Metrics;

namespace EcgXai.Tests.Training.Metrics;

public class AurocTests
{
    /// <summary>Independent reference: count every (positive, negative) pair, ties 1/2.</summary>
    private static double BruteForce(double[] scores, bool[] labels)
    {
        double wins = 0;
        int pairs = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            for (int j = 0; j < scores.Length; j++)
            {
                if (labels[i] && !labels[j])
                {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }
        return pairs == 0 ? double.NaN : wins / pairs;
    }

    [Fact]
    public void KnownValues()
    {
        bool[] labels = [false, false, true, true];
        Assert.Equal(1.0, Auroc.Compute([0.1, 0.2, 0.3, 0.4], labels));
        Assert.Equal(0.0, Auroc.Compute([0.4, 0.3, 0.2, 0.1], labels));
        Assert.Equal(0.5, Auroc.Compute([0.7, 0.7, 0.7, 0.7], labels));
        // positives 0.3, 0.2(tied with a negative) vs negatives 0.1, 0.2: pairs 1 + 1 + 0.5 + 1 = 3.5 of 4
        Assert.Equal(0.875, Auroc.Compute([0.1, 0.2, 0.2, 0.3], labels));
    }

    [Fact]
    public void UndefinedWithoutPositivesOrNegatives()
    {
        Assert.True(double.IsNaN(Auroc.Compute([0.1, 0.9], [false, false])));
        Assert.True(double.IsNaN(Auroc.Compute([0.1, 0.9], [true, true])));
        Assert.True(double.IsNaN(Auroc.Compute(ReadOnlySpan<double>.Empty, ReadOnlySpan<bool>.Empty)));
    }

    [Fact]
    public void RejectsNaNScoresAndLengthMismatch()
    {
        Assert.Throws<ArgumentException>(() => Auroc.Compute([0.1, double.NaN], [true, false]));
        Assert.Throws<ArgumentException>(() => Auroc.Compute([0.1, 0.2], [true]));
    }

    [Fact]
    public void MatchesPairwiseCountWithManyTies()
    {
        var random = new Random(7);
        for (int trial = 0; trial < 200; trial++)
        {
            int n = random.Next(2, 60);
            int levels = random.Next(1, 6);
            double[] scores = Enumerable.Range(0, n).Select(_ => (double)random.Next(levels)).ToArray();
            bool[] labels = Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.3).ToArray();
            double expected = BruteForce(scores, labels);
            double actual = Auroc.Compute(scores, labels);
            if (double.IsNaN(expected))
            {
                Assert.True(double.IsNaN(actual));
            }
            else
            {
                Assert.Equal(expected, actual, 12);
            }
        }
    }

    [Fact]
    public void FloatOverloadsAgreeAndLabelsThresholdAtHalf()
    {
        float[] scores = [0.3f, 0.1f, 0.8f, 0.8f, 0.5f];
        float[] floatLabels = [1f, 0f, 0.9f, 0f, 0.2f];
        bool[] boolLabels = [true, false, true, false, false];
        double expected = BruteForce(scores.Select(s => (double)s).ToArray(), boolLabels);
        Assert.Equal(expected, Auroc.Compute(scores, floatLabels), 12);
        Assert.Equal(expected, Auroc.Compute(scores, boolLabels), 12);
        Assert.Equal(expected, Auroc.Compute(scores.Select(s => (double)s).ToArray(), floatLabels), 12);
    }

    [Fact]
    public void MacroAveragesDefinedClassesOnly()
    {
        // rows: (class0 score, class1 score); class 1 has no positives
        float[] scores = [0.9f, 0.2f, 0.1f, 0.4f, 0.6f, 0.3f];
        float[] labels = [1, 0, 0, 0, 1, 0];
        double[] perClass = Auroc.PerClass(scores, labels, 2);
        Assert.Equal(1.0, perClass[0]);
        Assert.True(double.IsNaN(perClass[1]));
        Assert.Equal(1.0, Auroc.Macro(scores, labels, 2));
        Assert.True(double.IsNaN(Auroc.MeanIgnoringNaN([double.NaN])));
    }

    [Fact]
    public void WeightedEqualsAurocOfTheExpandedSample()
    {
        double[] scores = [0.1, 0.4, 0.4, 0.7, 0.9, 0.2];
        bool[] labels = [false, true, false, true, false, true];
        var sorted = new BinaryScores(scores, labels);
        int[] weights = [0, 3, 1, 2, 0, 1];
        var expanded = new List<(double Score, bool Label)>();
        ReadOnlySpan<double> s = sorted.SortedScores;
        ReadOnlySpan<bool> l = sorted.SortedLabels;
        for (int i = 0; i < weights.Length; i++)
        {
            expanded.AddRange(Enumerable.Repeat((s[i], l[i]), weights[i]));
        }
        double expected = BruteForce(expanded.Select(e => e.Score).ToArray(), expanded.Select(e => e.Label).ToArray());
        Assert.Equal(expected, Auroc.Weighted(sorted, weights), 12);
        Assert.Equal(BruteForce(scores, labels), Auroc.Weighted(sorted, null), 12);
    }

    [Fact]
    public void RocCurveAreaEqualsAurocWithTies()
    {
        double[] scores = [0.1, 0.4, 0.4, 0.7, 0.9, 0.2, 0.4, 0.7];
        bool[] labels = [false, true, false, true, false, true, true, false];
        var curve = RocCurve.Of(new BinaryScores(scores, labels));
        Assert.Equal(BruteForce(scores, labels), curve.Area(), 12);
        Assert.Equal((0.0, 0.0), (curve.FalsePositiveRates[0], curve.TruePositiveRates[0]));
        Assert.Equal((1.0, 1.0), (curve.FalsePositiveRates[^1], curve.TruePositiveRates[^1]));
        Assert.Equal(6, curve.Thresholds.Count); // +inf and 5 distinct scores
    }
}
