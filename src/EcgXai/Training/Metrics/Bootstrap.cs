namespace EcgXai.Training.Metrics;

/// <summary>
/// Percentile bootstrap of AUROC, stratified by class: each resample draws the positives with replacement from the
/// positives and the negatives from the negatives (seeded), so every resample keeps both classes and the interval of a
/// rare class is not conditional on the resamples that happened to contain it. The (1 − level)/2 and (1 + level)/2
/// quantiles (linear interpolation between order statistics) of the resampled statistic are the bounds. A paired
/// variant gives the interval of the difference of two models' AUROC on the same records (teacher versus student).
/// </summary>
public static class Bootstrap
{
    /// <summary>Default number of resamples.</summary>
    public const int DefaultResamples = 1000;

    /// <summary>AUROC of <paramref name="scores"/> with its <paramref name="level"/> stratified percentile bootstrap interval.</summary>
    public static ConfidenceInterval Auroc(BinaryScores scores, int resamples = DefaultResamples, int seed = 0, double level = 0.95)
    {
        Check(resamples, level);
        int[] positives = Positions(scores.SortedLabels, true), negatives = Positions(scores.SortedLabels, false);
        var random = new Random(seed);
        var counts = new int[scores.Count];
        var values = new List<double>(resamples);
        for (int r = 0; r < resamples && positives.Length > 0 && negatives.Length > 0; r++)
        {
            Array.Clear(counts);
            Draw(random, positives, counts);
            Draw(random, negatives, counts);
            values.Add(Metrics.Auroc.Weighted(scores, counts));
        }
        return Interval(Metrics.Auroc.Compute(scores), values, level);
    }

    /// <summary>
    /// AUROC(<paramref name="a"/>) − AUROC(<paramref name="b"/>) for two models scored on the same records (same labels,
    /// same order), with a paired stratified bootstrap interval: each resample draws records once and weighs both models
    /// with the same draw.
    /// </summary>
    public static ConfidenceInterval PairedAurocDifference(BinaryScores a, BinaryScores b, int resamples = DefaultResamples, int seed = 0, double level = 0.95)
    {
        Check(resamples, level);
        if (a.Count != b.Count)
        {
            throw new ArgumentException($"paired bootstrap needs the same records: {a.Count} and {b.Count} scores");
        }
        bool[] labels = new bool[a.Count];
        int[] positionInA = Inverse(a.SourceIndices), positionInB = Inverse(b.SourceIndices);
        for (int i = 0; i < a.Count; i++)
        {
            labels[a.SourceIndices[i]] = a.SortedLabels[i];
            if (b.SortedLabels[positionInB[a.SourceIndices[i]]] != a.SortedLabels[i])
            {
                throw new ArgumentException($"paired bootstrap needs the same labels: record {a.SourceIndices[i]} differs");
            }
        }
        int[] positives = Positions(labels, true), negatives = Positions(labels, false);
        var random = new Random(seed);
        int[] records = new int[a.Count], weightsA = new int[a.Count], weightsB = new int[a.Count];
        var values = new List<double>(resamples);
        for (int r = 0; r < resamples && positives.Length > 0 && negatives.Length > 0; r++)
        {
            Array.Clear(records);
            Draw(random, positives, records);
            Draw(random, negatives, records);
            for (int i = 0; i < records.Length; i++)
            {
                weightsA[positionInA[i]] = records[i];
                weightsB[positionInB[i]] = records[i];
            }
            values.Add(Metrics.Auroc.Weighted(a, weightsA) - Metrics.Auroc.Weighted(b, weightsB));
        }
        return Interval(Metrics.Auroc.Compute(a) - Metrics.Auroc.Compute(b), values, level);
    }

    /// <summary>
    /// The pointwise <paramref name="level"/> band of the ROC curve of <paramref name="scores"/> at <paramref name="points"/>
    /// false-positive rates (<see cref="RocBand.Grid"/>), over the same stratified resamples as <see cref="Auroc(BinaryScores, int, int, double)"/>;
    /// NaN bounds when a class is absent.
    /// </summary>
    public static RocBand RocBand(BinaryScores scores, int resamples = DefaultResamples, int seed = 0, double level = 0.95, int points = Metrics.RocBand.DefaultPoints)
    {
        Check(resamples, level);
        double[] grid = Metrics.RocBand.Grid(points);
        int[] positives = Positions(scores.SortedLabels, true), negatives = Positions(scores.SortedLabels, false);
        var random = new Random(seed);
        var counts = new int[scores.Count];
        var columns = Enumerable.Range(0, points).Select(_ => new List<double>(resamples)).ToArray();
        for (int r = 0; r < resamples && positives.Length > 0 && negatives.Length > 0; r++)
        {
            Array.Clear(counts);
            Draw(random, positives, counts);
            Draw(random, negatives, counts);
            double[] rates = Metrics.RocBand.TruePositiveRatesAt(scores, counts, grid);
            for (int j = 0; j < points; j++)
            {
                columns[j].Add(rates[j]);
            }
        }
        ConfidenceInterval[] bands = columns.Select(c => Interval(double.NaN, c, level)).ToArray();
        return new RocBand(grid, bands.Select(b => b.Lower).ToArray(), bands.Select(b => b.Upper).ToArray(), level);
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

    private static void Check(int resamples, double level)
    {
        if (resamples < 1)
        {
            throw new ArgumentException($"bootstrap resamples must be positive, got {resamples}");
        }
        if (level is <= 0 or >= 1)
        {
            throw new ArgumentException($"confidence level must be in (0, 1), got {level}");
        }
    }

    /// <summary>Adds one to <paramref name="counts"/> at as many uniform draws from <paramref name="stratum"/> as it has members.</summary>
    private static void Draw(Random random, int[] stratum, int[] counts)
    {
        for (int i = 0; i < stratum.Length; i++)
        {
            counts[stratum[random.Next(stratum.Length)]]++;
        }
    }

    private static int[] Positions(ReadOnlySpan<bool> labels, bool positive)
    {
        var result = new List<int>();
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] == positive)
            {
                result.Add(i);
            }
        }
        return [.. result];
    }

    private static int[] Inverse(ReadOnlySpan<int> permutation)
    {
        int[] inverse = new int[permutation.Length];
        for (int i = 0; i < permutation.Length; i++)
        {
            inverse[permutation[i]] = i;
        }
        return inverse;
    }

    private static ConfidenceInterval Interval(double estimate, List<double> values, double level)
    {
        values.Sort();
        double alpha = (1 - level) / 2;
        return new ConfidenceInterval(estimate, Quantile(values, alpha), Quantile(values, 1 - alpha), level, values.Count);
    }
}
