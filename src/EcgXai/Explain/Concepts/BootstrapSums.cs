using System.Text.Json.Serialization;

namespace EcgXai.Explain.Concepts;

/// <summary>
/// Per bootstrap replicate, the weighted sum of one value per channel and the total weight (<see cref="PoissonBootstrap"/>);
/// associative, so shards merge exactly. Gives percentile intervals of each channel's mean and of its rank by mean.
/// </summary>
public sealed class BootstrapSums
{
    private readonly double[] sums;
    private readonly long[] weights;

    /// <summary>Empty sums for <paramref name="replicates"/> replicates of <paramref name="channels"/> values.</summary>
    public BootstrapSums(int replicates, int channels) : this(channels, new double[replicates * channels], new long[replicates])
    {
    }

    /// <summary>Sums restored from saved state (<paramref name="sums"/> replicate-major).</summary>
    [JsonConstructor]
    public BootstrapSums(int channels, double[] sums, long[] weights)
    {
        if (channels < 1 || sums.Length != weights.Length * channels)
        {
            throw new ArgumentException($"inconsistent bootstrap sums: {sums.Length} sums for {weights.Length} replicates of {channels} channels");
        }
        Channels = channels;
        this.sums = sums;
        this.weights = weights;
    }

    /// <summary>Number of channels.</summary>
    [JsonPropertyName("channels")] public int Channels { get; }

    /// <summary>Weighted sums, replicate-major (<c>r * Channels + c</c>).</summary>
    [JsonPropertyName("sums")] public double[] Sums => sums;

    /// <summary>Total weight per replicate.</summary>
    [JsonPropertyName("weights")] public long[] Weights => weights;

    /// <summary>Number of replicates.</summary>
    [JsonIgnore] public int Replicates => weights.Length;

    /// <summary>Adds one record's values with its replicate weights.</summary>
    public void Add(ReadOnlySpan<int> recordWeights, ReadOnlySpan<double> values)
    {
        if (recordWeights.Length != Replicates || values.Length != Channels)
        {
            throw new ArgumentException($"expected {Replicates} weights and {Channels} values, got {recordWeights.Length} and {values.Length}");
        }
        for (int r = 0; r < Replicates; r++)
        {
            int w = recordWeights[r];
            if (w == 0)
            {
                continue;
            }
            weights[r] += w;
            Span<double> row = sums.AsSpan(r * Channels, Channels);
            for (int c = 0; c < row.Length; c++)
            {
                row[c] += w * values[c];
            }
        }
    }

    /// <summary>Adds the sums of another, disjoint set of records.</summary>
    public void Merge(BootstrapSums other)
    {
        if (other.Channels != Channels || other.Replicates != Replicates)
        {
            throw new ArgumentException($"cannot merge bootstrap sums of {other.Replicates}x{other.Channels} into {Replicates}x{Channels}");
        }
        for (int i = 0; i < sums.Length; i++)
        {
            sums[i] += other.sums[i];
        }
        for (int r = 0; r < weights.Length; r++)
        {
            weights[r] += other.weights[r];
        }
    }

    /// <summary>
    /// 95 % percentile intervals (2.5 %, 97.5 %, linear interpolation) of each channel's mean and of its rank by
    /// decreasing mean (1 = largest, ties by channel index), over the replicates with positive weight.
    /// </summary>
    public BootstrapIntervals Intervals()
    {
        int[] used = Enumerable.Range(0, Replicates).Where(r => weights[r] > 0).ToArray();
        var means = new double[Channels][];
        var ranks = new double[Channels][];
        for (int c = 0; c < Channels; c++)
        {
            means[c] = new double[used.Length];
            ranks[c] = new double[used.Length];
        }
        var replicateMeans = new double[Channels];
        for (int i = 0; i < used.Length; i++)
        {
            int r = used[i];
            for (int c = 0; c < Channels; c++)
            {
                replicateMeans[c] = sums[r * Channels + c] / weights[r];
                means[c][i] = replicateMeans[c];
            }
            IReadOnlyList<int> order = ConceptRanking.Order(replicateMeans);
            for (int rank = 0; rank < order.Count; rank++)
            {
                ranks[order[rank]][i] = rank + 1;
            }
        }
        return new BootstrapIntervals(
            means.Select(m => Percentile(m, 0.025)).ToArray(), means.Select(m => Percentile(m, 0.975)).ToArray(),
            ranks.Select(m => Percentile(m, 0.025)).ToArray(), ranks.Select(m => Percentile(m, 0.975)).ToArray());
    }

    /// <summary>Percentile <paramref name="q"/> of <paramref name="values"/> by linear interpolation between order statistics (NaN when empty).</summary>
    public static double Percentile(double[] values, double q)
    {
        if (values.Length == 0)
        {
            return double.NaN;
        }
        double[] sorted = values.Order().ToArray();
        double position = q * (sorted.Length - 1);
        int lo = (int)Math.Floor(position), hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (position - lo) * (sorted[hi] - sorted[lo]);
    }
}
