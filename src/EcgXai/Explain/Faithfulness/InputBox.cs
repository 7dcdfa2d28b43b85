using EcgXai.Datasets;

namespace EcgXai.Explain.Faithfulness;

/// <summary>The input bounds of EpsilonGammaBox's ZBox rule on the stem.</summary>
/// <param name="Low">Lower bound l.</param>
/// <param name="High">Upper bound h.</param>
public sealed record InputBox(double Low, double High)
{
    /// <summary>
    /// The smallest and largest sample of records <paramref name="records"/> of <paramref name="data"/> over all leads
    /// (the rule takes one bound for every lead); widened by 1 when the records are constant.
    /// </summary>
    public static InputBox Over(PreparedDataset data, IReadOnlyList<int> records)
    {
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        foreach (int r in records)
        {
            foreach (float v in data.Signal(r))
            {
                low = Math.Min(low, v);
                high = Math.Max(high, v);
            }
        }
        if (double.IsInfinity(low))
        {
            throw new ArgumentException($"no samples in the {records.Count} records of {data.Name} to bound the input box");
        }
        return low < high ? new InputBox(low, high) : new InputBox(low - 1, high + 1);
    }
}
