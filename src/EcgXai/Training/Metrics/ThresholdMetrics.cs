namespace EcgXai.Training.Metrics;

/// <summary>
/// Confusion counts and rates of predicting positive when score ≥ <see cref="Threshold"/>. A rate whose denominator
/// is zero (e.g. sensitivity without positives) is NaN.
/// </summary>
public sealed record ThresholdMetrics(double Threshold, int TruePositives, int FalsePositives, int TrueNegatives, int FalseNegatives)
{
    /// <summary>TP / (TP + FN).</summary>
    public double Sensitivity => Ratio(TruePositives, TruePositives + FalseNegatives);

    /// <summary>TN / (TN + FP).</summary>
    public double Specificity => Ratio(TrueNegatives, TrueNegatives + FalsePositives);

    /// <summary>TP / (TP + FP).</summary>
    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);

    /// <summary>2 TP / (2 TP + FP + FN).</summary>
    public double F1 => Ratio(2 * TruePositives, 2 * TruePositives + FalsePositives + FalseNegatives);

    /// <summary>Counts for <paramref name="scores"/> at <paramref name="threshold"/>.</summary>
    public static ThresholdMetrics At(BinaryScores scores, double threshold)
    {
        int firstPredictedPositive = LowerBound(scores.SortedScores, threshold);
        int tp = 0, fp = 0;
        ReadOnlySpan<bool> labels = scores.SortedLabels;
        for (int i = firstPredictedPositive; i < scores.Count; i++)
        {
            if (labels[i])
            {
                tp++;
            }
            else
            {
                fp++;
            }
        }
        return new ThresholdMetrics(threshold, tp, fp, scores.Negatives - fp, scores.Positives - tp);
    }

    /// <summary>
    /// The threshold maximising F1, searched over the distinct scores (predicting positive at and above each); the
    /// highest such score wins ties. Without positives F1 is undefined and the result is at <paramref name="fallback"/>.
    /// </summary>
    public static ThresholdMetrics F1Optimal(BinaryScores scores, double fallback = 0.5)
    {
        if (scores.Positives == 0)
        {
            return At(scores, fallback);
        }
        ThresholdMetrics? best = null;
        foreach (var (threshold, tp, fp) in scores.ThresholdSweep())
        {
            // compare F1 = 2tp / (tp + fp + P) without division: a/b > c/d  <=>  a*d > c*b
            if (best is null || (long)tp * (best.TruePositives + best.FalsePositives + scores.Positives) > (long)best.TruePositives * (tp + fp + scores.Positives))
            {
                best = new ThresholdMetrics(threshold, tp, fp, scores.Negatives - fp, scores.Positives - tp);
            }
        }
        return best!;
    }

    private static int LowerBound(ReadOnlySpan<double> sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? double.NaN : (double)numerator / denominator;
}
