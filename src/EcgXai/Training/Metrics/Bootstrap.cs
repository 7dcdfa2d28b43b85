namespace EcgXai.Training.Metrics;

/// <summary>
/// Percentile bootstrap of AUROC: resample the records with replacement (seeded), recompute the statistic, and take
/// the (1 − level)/2 and (1 + level)/2 quantiles (linear interpolation between order statistics) of the defined values.
/// </summary>
public static class Bootstrap
{
    /// <summary>Default number of resamples.</summary>
    public const int DefaultResamples = 1000;

    /// <summary>AUROC of <paramref name="scores"/> with its <paramref name="level"/> percentile bootstrap interval.</summary>
    public static ConfidenceInterval Auroc(BinaryScores scores, int resamples = DefaultResamples, int seed = 0, double level = 0.95)
    {
        if (resamples < 1)
        {
            throw new ArgumentException($"bootstrap resamples must be positive, got {resamples}");
        }
        if (level is <= 0 or >= 1)
        {
            throw new ArgumentException($"confidence level must be in (0, 1), got {level}");
        }
        double estimate = Metrics.Auroc.Compute(scores);
        var random = new Random(seed);
        int n = scores.Count;
        var counts = new int[n];
        var values = new List<double>(resamples);
        for (int r = 0; r < resamples && n > 0; r++)
        {
            Array.Clear(counts);
            for (int i = 0; i < n; i++)
            {
                counts[random.Next(n)]++; // a uniform draw of a sorted position is a uniform draw of a record
            }
            double value = Metrics.Auroc.Weighted(scores, counts);
            if (!double.IsNaN(value))
            {
                values.Add(value);
            }
        }
        values.Sort();
        double alpha = (1 - level) / 2;
        return new ConfidenceInterval(estimate, Quantile(values, alpha), Quantile(values, 1 - alpha), level, values.Count);
    }

    /// <summary>Quantile <paramref name="q"/> of ascending <paramref name="sorted"/> with linear interpolation (NumPy's default); NaN when empty.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }
        double position = q * (sorted.Count - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
