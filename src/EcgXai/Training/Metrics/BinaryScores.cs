namespace EcgXai.Training.Metrics;

/// <summary>
/// Scores of one class with binary labels, sorted once by score so that AUROC, its bootstrap, ROC curves and
/// threshold searches all walk the same tie groups. Float labels count as positive when ≥ 0.5.
/// </summary>
public sealed class BinaryScores
{
    private readonly double[] sortedScores;
    private readonly bool[] sortedLabels;
    private readonly int[] sourceIndices;

    /// <summary>Copies and sorts <paramref name="scores"/> and <paramref name="labels"/> (same length, scores not NaN).</summary>
    public BinaryScores(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        if (scores.Length != labels.Length)
        {
            throw new ArgumentException($"{scores.Length} scores but {labels.Length} labels");
        }
        double[] copy = scores.ToArray();
        if (Array.FindIndex(copy, double.IsNaN) is int nan and >= 0)
        {
            throw new ArgumentException($"score {nan} is NaN");
        }
        int[] order = Enumerable.Range(0, copy.Length).ToArray();
        Array.Sort(copy.ToArray(), order);
        sortedScores = new double[copy.Length];
        sortedLabels = new bool[copy.Length];
        for (int i = 0; i < order.Length; i++)
        {
            sortedScores[i] = copy[order[i]];
            sortedLabels[i] = labels[order[i]];
        }
        sourceIndices = order;
        Positives = sortedLabels.Count(l => l);
        GroupStarts = FindGroups(sortedScores);
    }

    /// <summary>Creates from float scores and float labels (positive when ≥ 0.5).</summary>
    public static BinaryScores From(ReadOnlySpan<float> scores, ReadOnlySpan<float> labels) => new(ToDouble(scores), ToBool(labels));

    /// <summary>Creates from float scores and boolean labels.</summary>
    public static BinaryScores From(ReadOnlySpan<float> scores, ReadOnlySpan<bool> labels) => new(ToDouble(scores), labels);

    /// <summary>Creates from double scores and float labels (positive when ≥ 0.5).</summary>
    public static BinaryScores From(ReadOnlySpan<double> scores, ReadOnlySpan<float> labels) => new(scores, ToBool(labels));

    /// <summary>Number of samples.</summary>
    public int Count => sortedScores.Length;

    /// <summary>Number of positive samples.</summary>
    public int Positives { get; }

    /// <summary>Number of negative samples.</summary>
    public int Negatives => Count - Positives;

    /// <summary>Scores in ascending order.</summary>
    public ReadOnlySpan<double> SortedScores => sortedScores;

    /// <summary>For each sorted position, the index of that sample in the input (pairs the scores of two models on the same records).</summary>
    public ReadOnlySpan<int> SourceIndices => sourceIndices;

    /// <summary>Labels in the order of <see cref="SortedScores"/>.</summary>
    public ReadOnlySpan<bool> SortedLabels => sortedLabels;

    /// <summary>Start of each group of equal scores in sorted order, plus a final entry equal to <see cref="Count"/>.</summary>
    public IReadOnlyList<int> GroupStarts { get; }

    /// <summary>
    /// Sweeps the distinct scores from the highest down: for each, the positives and negatives scoring at or above it
    /// (the true and false positives of predicting positive from that threshold).
    /// </summary>
    public IEnumerable<(double Threshold, int TruePositives, int FalsePositives)> ThresholdSweep()
    {
        int tp = 0, fp = 0;
        for (int g = GroupStarts.Count - 2; g >= 0; g--)
        {
            for (int i = GroupStarts[g]; i < GroupStarts[g + 1]; i++)
            {
                if (sortedLabels[i])
                {
                    tp++;
                }
                else
                {
                    fp++;
                }
            }
            yield return (sortedScores[GroupStarts[g]], tp, fp);
        }
    }

    private static int[] FindGroups(double[] sorted)
    {
        var starts = new List<int>();
        for (int i = 0; i < sorted.Length; i++)
        {
            if (i == 0 || sorted[i] != sorted[i - 1])
            {
                starts.Add(i);
            }
        }
        starts.Add(sorted.Length);
        return starts.ToArray();
    }

    private static double[] ToDouble(ReadOnlySpan<float> values)
    {
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = values[i];
        }
        return result;
    }

    private static bool[] ToBool(ReadOnlySpan<float> labels)
    {
        var result = new bool[labels.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            result[i] = labels[i] >= 0.5f;
        }
        return result;
    }
}
