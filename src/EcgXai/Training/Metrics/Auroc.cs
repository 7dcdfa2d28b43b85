namespace EcgXai.Training.Metrics;

/// <summary>
/// Area under the ROC curve as the Mann–Whitney statistic: the share of (positive, negative) pairs in which the
/// positive scores higher, a tie counting 1/2; computed in O(n log n) over groups of equal scores.
/// It is <see cref="double.NaN"/> when there are no positives or no negatives.
/// </summary>
public static class Auroc
{
    /// <summary>AUROC of <paramref name="scores"/> against <paramref name="labels"/>.</summary>
    public static double Compute(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels) => Compute(new BinaryScores(scores, labels));

    /// <summary>AUROC of float scores against float labels (positive when ≥ 0.5).</summary>
    public static double Compute(ReadOnlySpan<float> scores, ReadOnlySpan<float> labels) => Compute(BinaryScores.From(scores, labels));

    /// <summary>AUROC of float scores against boolean labels.</summary>
    public static double Compute(ReadOnlySpan<float> scores, ReadOnlySpan<bool> labels) => Compute(BinaryScores.From(scores, labels));

    /// <summary>AUROC of double scores against float labels (positive when ≥ 0.5).</summary>
    public static double Compute(ReadOnlySpan<double> scores, ReadOnlySpan<float> labels) => Compute(BinaryScores.From(scores, labels));

    /// <summary>AUROC of pre-sorted scores.</summary>
    public static double Compute(BinaryScores scores) => Weighted(scores, null);

    /// <summary>
    /// AUROC where sorted position i counts <paramref name="weights"/>[i] times (a bootstrap resample), or once each
    /// when null. NaN when the weighted positives or negatives are zero.
    /// </summary>
    public static double Weighted(BinaryScores scores, ReadOnlySpan<int> weights)
    {
        bool unweighted = weights.IsEmpty;
        ReadOnlySpan<bool> labels = scores.SortedLabels;
        // twiceU = 2 * (pairs with positive above negative) + (tied pairs): exact in integers.
        long twiceU = 0, negativesBelow = 0, positives = 0;
        IReadOnlyList<int> starts = scores.GroupStarts;
        for (int g = 0; g + 1 < starts.Count; g++)
        {
            long p = 0, q = 0;
            for (int i = starts[g]; i < starts[g + 1]; i++)
            {
                long w = unweighted ? 1 : weights[i];
                if (labels[i])
                {
                    p += w;
                }
                else
                {
                    q += w;
                }
            }
            twiceU += 2 * p * negativesBelow + p * q;
            negativesBelow += q;
            positives += p;
        }
        if (positives == 0 || negativesBelow == 0)
        {
            return double.NaN;
        }
        return twiceU / (2.0 * positives * negativesBelow);
    }

    /// <summary>
    /// Per-class AUROC of row-major <c>[n, classCount]</c> <paramref name="scores"/> and multi-hot <paramref name="labels"/>
    /// (positive when ≥ 0.5); NaN for a class without positives or negatives.
    /// </summary>
    public static double[] PerClass(ReadOnlySpan<float> scores, ReadOnlySpan<float> labels, int classCount)
    {
        var result = new double[classCount];
        for (int c = 0; c < classCount; c++)
        {
            result[c] = Compute(Column(scores, classCount, c), Column(labels, classCount, c));
        }
        return result;
    }

    /// <summary>Macro AUROC: the mean of <see cref="PerClass"/> over classes whose AUROC is defined (NaN when none is).</summary>
    public static double Macro(ReadOnlySpan<float> scores, ReadOnlySpan<float> labels, int classCount) =>
        MeanIgnoringNaN(PerClass(scores, labels, classCount));

    /// <summary>The mean of the non-NaN values, NaN when every value is NaN.</summary>
    public static double MeanIgnoringNaN(IEnumerable<double> values)
    {
        double[] defined = values.Where(v => !double.IsNaN(v)).ToArray();
        return defined.Length == 0 ? double.NaN : defined.Average();
    }

    /// <summary>Column <paramref name="column"/> of a row-major matrix with <paramref name="columns"/> columns.</summary>
    public static float[] Column(ReadOnlySpan<float> matrix, int columns, int column)
    {
        if (columns <= 0 || matrix.Length % columns != 0 || column < 0 || column >= columns)
        {
            throw new ArgumentException($"a matrix of {matrix.Length} values has no column {column} of {columns}");
        }
        var result = new float[matrix.Length / columns];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = matrix[i * columns + column];
        }
        return result;
    }
}
