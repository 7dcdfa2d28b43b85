using EcgXai.Training.Metrics;

namespace EcgXai.Explain.Faithfulness;

/// <summary>
/// Percentile bootstrap over records of a mean of per-record values (SRG, areas), and its paired form: the mean
/// difference of two variants measured on the same records, resampling the records jointly.
/// </summary>
public static class RecordBootstrap
{
    /// <summary>The mean of <paramref name="values"/> with its <paramref name="level"/> bootstrap interval.</summary>
    public static ConfidenceInterval Mean(IReadOnlyList<double> values, int resamples = Bootstrap.DefaultResamples, int seed = 0, double level = 0.95)
    {
        Validate(values.Count, resamples, level);
        var random = new Random(seed);
        int n = values.Count;
        var means = new List<double>(resamples);
        for (int r = 0; r < resamples; r++)
        {
            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                sum += values[random.Next(n)];
            }
            means.Add(sum / n);
        }
        means.Sort();
        double alpha = (1 - level) / 2;
        return new ConfidenceInterval(values.Average(), Bootstrap.Quantile(means, alpha), Bootstrap.Quantile(means, 1 - alpha), level, resamples);
    }

    /// <summary>
    /// The mean of <c>a[i] − b[i]</c> over records with its paired bootstrap interval (record i of both is drawn together).
    /// A lower bound above zero means <paramref name="a"/>'s lead over <paramref name="b"/> holds at that level.
    /// </summary>
    public static ConfidenceInterval PairedDifference(IReadOnlyList<double> a, IReadOnlyList<double> b, int resamples = Bootstrap.DefaultResamples, int seed = 0, double level = 0.95)
    {
        if (a.Count != b.Count)
        {
            throw new ArgumentException($"a paired bootstrap needs the same records: {a.Count} and {b.Count} values");
        }
        return Mean(a.Select((v, i) => v - b[i]).ToArray(), resamples, seed, level);
    }

    private static void Validate(int count, int resamples, double level)
    {
        if (count == 0)
        {
            throw new ArgumentException("the bootstrap needs at least one record");
        }
        if (resamples < 1)
        {
            throw new ArgumentException($"bootstrap resamples must be positive, got {resamples}");
        }
        if (level is <= 0 or >= 1)
        {
            throw new ArgumentException($"confidence level must be in (0, 1), got {level}");
        }
    }
}
