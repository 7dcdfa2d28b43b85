namespace EcgXai.Explain.Faithfulness;

/// <summary>
/// Target probabilities along the flipping curves of many records: <c>p_MIF[r, k]</c> and <c>p_LIF[r, k]</c> for steps
/// k = 1..K (the probability is the sigmoid of the target logit). Symmetric Relevance Gain (Blücher, Vielhaben and
/// Strodthoff, TMLR 2024; Quantus <c>SymmetricRelevanceGain</c>): <c>SRG = mean_k (p_LIF[k] − p_MIF[k])</c> per record.
/// </summary>
public sealed class FlipCurves
{
    private readonly double[] mif;
    private readonly double[] lif;

    /// <summary>Row-major <c>[records, steps]</c> probabilities of the MIF and the LIF curve.</summary>
    public FlipCurves(int records, int steps, double[] mif, double[] lif)
    {
        if (records < 0 || steps < 1 || mif.Length != (long)records * steps || lif.Length != mif.Length)
        {
            throw new ArgumentException($"curves of {records} records x {steps} steps need {(long)records * steps} values each, got {mif.Length} and {lif.Length}");
        }
        Records = records;
        Steps = steps;
        this.mif = mif;
        this.lif = lif;
    }

    /// <summary>Number of records.</summary>
    public int Records { get; }

    /// <summary>Number of steps K.</summary>
    public int Steps { get; }

    /// <summary>p_MIF of record <paramref name="record"/> at step index <paramref name="step"/> (0 = step 1).</summary>
    public double Mif(int record, int step) => mif[record * Steps + step];

    /// <summary>p_LIF of record <paramref name="record"/> at step index <paramref name="step"/> (0 = step 1).</summary>
    public double Lif(int record, int step) => lif[record * Steps + step];

    /// <summary>Area under the MIF curve of one record: <c>mean_k p_MIF[k]</c> (lower is more faithful).</summary>
    public double MifArea(int record) => Mean(mif, record);

    /// <summary>Area under the LIF curve of one record: <c>mean_k p_LIF[k]</c> (higher is more faithful).</summary>
    public double LifArea(int record) => Mean(lif, record);

    /// <summary>SRG of one record: LIF area minus MIF area.</summary>
    public double Srg(int record) => LifArea(record) - MifArea(record);

    /// <summary>SRG of every record.</summary>
    public double[] SrgPerRecord() => Enumerable.Range(0, Records).Select(Srg).ToArray();

    /// <summary>MIF area of every record.</summary>
    public double[] MifAreaPerRecord() => Enumerable.Range(0, Records).Select(MifArea).ToArray();

    /// <summary>LIF area of every record.</summary>
    public double[] LifAreaPerRecord() => Enumerable.Range(0, Records).Select(LifArea).ToArray();

    /// <summary>The mean MIF curve over records, one value per step.</summary>
    public double[] MeanMif() => MeanCurve(mif);

    /// <summary>The mean LIF curve over records, one value per step.</summary>
    public double[] MeanLif() => MeanCurve(lif);

    /// <summary>These records followed by <paramref name="other"/>'s (same steps).</summary>
    public FlipCurves Concat(FlipCurves other)
    {
        if (other.Steps != Steps)
        {
            throw new ArgumentException($"cannot join curves of {Steps} and {other.Steps} steps");
        }
        return new FlipCurves(Records + other.Records, Steps, [.. mif, .. other.mif], [.. lif, .. other.lif]);
    }

    private double Mean(double[] values, int record)
    {
        if (record < 0 || record >= Records)
        {
            throw new ArgumentOutOfRangeException(nameof(record), record, $"there are {Records} records");
        }
        double sum = 0;
        for (int k = 0; k < Steps; k++)
        {
            sum += values[record * Steps + k];
        }
        return sum / Steps;
    }

    private double[] MeanCurve(double[] values)
    {
        var curve = new double[Steps];
        for (int r = 0; r < Records; r++)
        {
            for (int k = 0; k < Steps; k++)
            {
                curve[k] += values[r * Steps + k] / Records;
            }
        }
        return curve;
    }
}
