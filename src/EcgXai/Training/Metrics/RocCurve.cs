namespace EcgXai.Training.Metrics;

/// <summary>
/// The ROC curve: one point per distinct score (predicting positive at and above it), from (0, 0) to (1, 1).
/// Its trapezoidal area equals <see cref="Auroc"/> (ties give diagonal segments).
/// </summary>
public sealed record RocCurve(IReadOnlyList<double> FalsePositiveRates, IReadOnlyList<double> TruePositiveRates, IReadOnlyList<double> Thresholds)
{
    /// <summary>The curve of <paramref name="scores"/>; rates are NaN when a class is absent.</summary>
    public static RocCurve Of(BinaryScores scores)
    {
        var fpr = new List<double> { 0 };
        var tpr = new List<double> { 0 };
        var thresholds = new List<double> { double.PositiveInfinity };
        foreach (var (threshold, tp, fp) in scores.ThresholdSweep())
        {
            fpr.Add(scores.Negatives == 0 ? double.NaN : (double)fp / scores.Negatives);
            tpr.Add(scores.Positives == 0 ? double.NaN : (double)tp / scores.Positives);
            thresholds.Add(threshold);
        }
        return new RocCurve(fpr, tpr, thresholds);
    }

    /// <summary>Trapezoidal area under the curve.</summary>
    public double Area()
    {
        double area = 0;
        for (int i = 1; i < FalsePositiveRates.Count; i++)
        {
            area += (FalsePositiveRates[i] - FalsePositiveRates[i - 1]) * (TruePositiveRates[i] + TruePositiveRates[i - 1]) / 2;
        }
        return area;
    }
}
