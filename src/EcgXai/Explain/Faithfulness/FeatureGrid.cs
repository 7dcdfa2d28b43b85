using static TorchSharp.torch;

namespace EcgXai.Explain.Faithfulness;

/// <summary>
/// How the elements of a place's tensor <c>(channels, length)</c> group into flipping features: each element belongs to
/// exactly one feature. At the input a feature is a (lead, time segment) cell; at a layer a channel (all its time
/// positions) or a single (channel, time) position. A feature's relevance is the sum of its elements' relevance.
/// </summary>
public sealed class FeatureGrid
{
    private readonly long[] featureOf;

    private FeatureGrid(string kind, int channels, int length, int count, long[] featureOf)
    {
        Kind = kind;
        Channels = channels;
        Length = length;
        Count = count;
        this.featureOf = featureOf;
    }

    /// <summary>"cells", "channels" or "positions".</summary>
    public string Kind { get; }

    /// <summary>Channels (leads) of the place.</summary>
    public int Channels { get; }

    /// <summary>Time length of the place.</summary>
    public int Length { get; }

    /// <summary>Number of features.</summary>
    public int Count { get; }

    /// <summary>
    /// (lead, segment) cells of <paramref name="segment"/> samples, numbered <c>lead·S + t / segment</c> with
    /// <c>S = ⌈length / segment⌉</c> (the last segment of a lead may be shorter).
    /// </summary>
    public static FeatureGrid Cells(int leads, int length, int segment)
    {
        Check(leads, length);
        if (segment < 1)
        {
            throw new ArgumentException($"a time segment must hold at least one sample, got {segment}");
        }
        int perLead = (length + segment - 1) / segment;
        var map = new long[(long)leads * length];
        for (int c = 0; c < leads; c++)
        {
            for (int t = 0; t < length; t++)
            {
                map[c * length + t] = c * perLead + t / segment;
            }
        }
        return new FeatureGrid("cells", leads, length, leads * perLead, map);
    }

    /// <summary>One feature per channel (all its time positions together).</summary>
    public static FeatureGrid ChannelFeatures(int channels, int length)
    {
        Check(channels, length);
        var map = new long[(long)channels * length];
        for (int e = 0; e < map.Length; e++)
        {
            map[e] = e / length;
        }
        return new FeatureGrid("channels", channels, length, channels, map);
    }

    /// <summary>One feature per (channel, time) position, numbered <c>c·length + t</c> (the classifier's flatten order).</summary>
    public static FeatureGrid Positions(int channels, int length)
    {
        Check(channels, length);
        long[] map = Enumerable.Range(0, channels * length).Select(e => (long)e).ToArray();
        return new FeatureGrid("positions", channels, length, channels * length, map);
    }

    /// <summary>The feature index of each element, flattened channel-major, on <paramref name="device"/>.</summary>
    public Tensor FeatureIndex(Device device) => tensor(featureOf, dtype: ScalarType.Int64, device: device);

    /// <summary>Per-feature relevance <c>(rows, Count)</c>: the sum of <paramref name="relevance"/> <c>(rows, Channels, Length)</c> over each feature's elements.</summary>
    public Tensor Relevance(Tensor relevance)
    {
        CheckShape(relevance);
        using var scope = NewDisposeScope();
        long rows = relevance.shape[0];
        Tensor index = FeatureIndex(relevance.device).unsqueeze(0).expand(rows, -1);
        return zeros(rows, Count, dtype: relevance.dtype, device: relevance.device)
            .scatter_add_(1, index, relevance.reshape(rows, -1)).MoveToOuterDisposeScope();
    }

    /// <summary>Spreads a per-feature tensor <c>(rows, Count)</c> to the elements: <c>(rows, Channels, Length)</c>.</summary>
    public Tensor Spread(Tensor perFeature)
    {
        if (perFeature.dim() != 2 || perFeature.shape[1] != Count)
        {
            throw new ArgumentException($"expected (rows, {Count}) per-feature values, got [{string.Join(", ", perFeature.shape)}]");
        }
        using var scope = NewDisposeScope();
        long rows = perFeature.shape[0];
        Tensor index = FeatureIndex(perFeature.device).unsqueeze(0).expand(rows, -1);
        return perFeature.gather(1, index).view(rows, Channels, Length).MoveToOuterDisposeScope();
    }

    /// <summary>Throws unless <paramref name="values"/> is <c>(rows, Channels, Length)</c>.</summary>
    public void CheckShape(Tensor values)
    {
        if (values.dim() != 3 || values.shape[1] != Channels || values.shape[2] != Length)
        {
            throw new ArgumentException($"expected (rows, {Channels}, {Length}) values for {Kind}, got [{string.Join(", ", values.shape)}]");
        }
    }

    private static void Check(int channels, int length)
    {
        if (channels < 1 || length < 1)
        {
            throw new ArgumentException($"a place needs at least one channel and one time position, got {channels} x {length}");
        }
    }
}
