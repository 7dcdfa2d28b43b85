namespace EcgXai.Training.Metrics;

/// <summary>
/// A pointwise confidence band of an ROC curve by vertical averaging (Fawcett 2006, Macskassy and Provost 2004): at each
/// false-positive rate of a fixed grid, the percentile interval of the true-positive rate over stratified bootstrap
/// resamples of the records (<see cref="Bootstrap.RocBand"/>).
/// </summary>
/// <param name="FalsePositiveRates">The grid, ascending from 0 to 1.</param>
/// <param name="Lower">Lower bound of the true-positive rate at each grid point.</param>
/// <param name="Upper">Upper bound of the true-positive rate at each grid point.</param>
/// <param name="Level">Confidence level of the bounds.</param>
public sealed record RocBand(IReadOnlyList<double> FalsePositiveRates, IReadOnlyList<double> Lower, IReadOnlyList<double> Upper, double Level)
{
    /// <summary>Default number of grid points (steps of 0.01).</summary>
    public const int DefaultPoints = 101;

    /// <summary>
    /// The true-positive rate of <paramref name="scores"/> at each rate of <paramref name="grid"/> when sorted position i
    /// counts <paramref name="weights"/>[i] times: linear between the curve's points, the highest rate reached at a
    /// false-positive rate of 0; NaN when the weighted positives or negatives are zero.
    /// </summary>
    public static double[] TruePositiveRatesAt(BinaryScores scores, ReadOnlySpan<int> weights, IReadOnlyList<double> grid)
    {
        ReadOnlySpan<bool> labels = scores.SortedLabels;
        IReadOnlyList<int> starts = scores.GroupStarts;
        long positives = 0, negatives = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            positives += labels[i] ? weights[i] : 0;
            negatives += labels[i] ? 0 : weights[i];
        }
        var result = new double[grid.Count];
        if (positives == 0 || negatives == 0)
        {
            Array.Fill(result, double.NaN);
            return result;
        }
        // The curve's points from the highest score group down; a group's tied records form one (diagonal) segment.
        var fpr = new List<double>(starts.Count) { 0 };
        var tpr = new List<double>(starts.Count) { 0 };
        long tp = 0, fp = 0;
        for (int g = starts.Count - 2; g >= 0; g--)
        {
            for (int i = starts[g]; i < starts[g + 1]; i++)
            {
                tp += labels[i] ? weights[i] : 0;
                fp += labels[i] ? 0 : weights[i];
            }
            fpr.Add((double)fp / negatives);
            tpr.Add((double)tp / positives);
        }
        int segment = 0;
        for (int j = 0; j < grid.Count; j++)
        {
            double x = grid[j];
            while (segment + 1 < fpr.Count && fpr[segment + 1] <= x)
            {
                segment++;
            }
            result[j] = segment + 1 < fpr.Count
                ? tpr[segment] + ((tpr[segment + 1] - tpr[segment]) * (x - fpr[segment]) / (fpr[segment + 1] - fpr[segment]))
                : tpr[segment];
        }
        return result;
    }

    /// <summary><paramref name="points"/> evenly spaced false-positive rates from 0 to 1.</summary>
    public static double[] Grid(int points = DefaultPoints) => points >= 2
        ? Enumerable.Range(0, points).Select(i => (double)i / (points - 1)).ToArray()
        : throw new ArgumentException($"an ROC band needs at least 2 grid points, got {points}");
}
