using static TorchSharp.torch;

namespace EcgXai.Explain.Concepts;

/// <summary>
/// What one batch of records contributes at one recorded node, row-major <c>(rows, concepts)</c>: relevance and
/// activation summed over time, their maxima over time and the time index of each maximum. For the positions of a
/// node, a concept is a (channel, time) position <c>c·T + t</c>, its sum and maximum are its value, its peak time t.
/// </summary>
public sealed class LayerBatch
{
    /// <summary>Wraps precomputed values (each array <c>rows * concepts</c> long).</summary>
    public LayerBatch(int rows, int concepts, double[] relevanceSum, double[] relevanceMax, int[] relevancePeak,
        double[] activationSum, double[] activationMax, int[] activationPeak)
    {
        long n = (long)rows * concepts;
        if (new long[] { relevanceSum.Length, relevanceMax.Length, relevancePeak.Length, activationSum.Length, activationMax.Length, activationPeak.Length }.Any(l => l != n))
        {
            throw new ArgumentException($"every array of a layer batch must hold {rows} x {concepts} values");
        }
        Rows = rows;
        Concepts = concepts;
        RelevanceSum = relevanceSum;
        RelevanceMax = relevanceMax;
        RelevancePeak = relevancePeak;
        ActivationSum = activationSum;
        ActivationMax = activationMax;
        ActivationPeak = activationPeak;
    }

    /// <summary>Number of records (rows).</summary>
    public int Rows { get; }

    /// <summary>Number of concepts (channels, or positions).</summary>
    public int Concepts { get; }

    /// <summary>Relevance summed over time.</summary>
    public double[] RelevanceSum { get; }

    /// <summary>Largest relevance over time.</summary>
    public double[] RelevanceMax { get; }

    /// <summary>Time index of the largest relevance.</summary>
    public int[] RelevancePeak { get; }

    /// <summary>Activation summed over time.</summary>
    public double[] ActivationSum { get; }

    /// <summary>Largest activation over time.</summary>
    public double[] ActivationMax { get; }

    /// <summary>Time index of the largest activation.</summary>
    public int[] ActivationPeak { get; }

    /// <summary>Reduces relevance and activation <c>(rows, channels, time)</c> of one node over time, per channel.</summary>
    public static LayerBatch Channels(Tensor relevance, Tensor activation)
    {
        using var scope = NewDisposeScope();
        (Tensor relMax, Tensor relPeak) = relevance.max(2);
        (Tensor actMax, Tensor actPeak) = activation.max(2);
        return new LayerBatch((int)relevance.shape[0], (int)relevance.shape[1], Doubles(relevance.sum(2)), Doubles(relMax), Ints(relPeak),
            Doubles(activation.sum(2)), Doubles(actMax), Ints(actPeak));
    }

    /// <summary>Every (channel, time) position of relevance and activation <c>(rows, channels, time)</c> as a concept.</summary>
    public static LayerBatch Positions(Tensor relevance, Tensor activation)
    {
        using var scope = NewDisposeScope();
        int rows = (int)relevance.shape[0], time = (int)relevance.shape[2], concepts = (int)(relevance.shape[1] * time);
        double[] rel = Doubles(relevance.flatten(1)), act = Doubles(activation.flatten(1));
        int[] peak = Enumerable.Range(0, rows * concepts).Select(i => i % concepts % time).ToArray();
        return new LayerBatch(rows, concepts, rel, rel, peak, act, act, peak);
    }

    private static double[] Doubles(Tensor t)
    {
        using Tensor d = t.to(ScalarType.Float64).cpu().contiguous();
        return d.data<double>().ToArray();
    }

    private static int[] Ints(Tensor t)
    {
        using Tensor d = t.to(ScalarType.Int32).cpu().contiguous();
        return d.data<int>().ToArray();
    }
}
