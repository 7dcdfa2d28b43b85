using System.Text.Json.Serialization;

namespace EcgXai.Explain.Concepts;

/// <summary>
/// Count, mean and sum of squared deviations of one value per channel over records (Welford's update, Chan et al.'s
/// pairwise merge), so shards accumulated separately merge to the one-pass result up to rounding.
/// </summary>
public sealed class ChannelMoments
{
    private readonly double[] mean;
    private readonly double[] m2;

    /// <summary>Empty moments of <paramref name="channels"/> values.</summary>
    public ChannelMoments(int channels)
    {
        mean = new double[channels];
        m2 = new double[channels];
    }

    /// <summary>Moments restored from saved state.</summary>
    [JsonConstructor]
    public ChannelMoments(long count, double[] mean, double[] m2)
    {
        if (mean.Length != m2.Length || count < 0)
        {
            throw new ArgumentException($"inconsistent moments: count {count}, {mean.Length} means, {m2.Length} squared deviations");
        }
        Count = count;
        this.mean = mean;
        this.m2 = m2;
    }

    /// <summary>Number of records added.</summary>
    [JsonPropertyName("count")] public long Count { get; private set; }

    /// <summary>Mean per channel (0 before the first record).</summary>
    [JsonPropertyName("mean")] public double[] Mean => mean;

    /// <summary>Sum of squared deviations from the mean per channel.</summary>
    [JsonPropertyName("m2")] public double[] M2 => m2;

    /// <summary>Number of channels.</summary>
    [JsonIgnore] public int Channels => mean.Length;

    /// <summary>Sample standard deviation of channel <paramref name="channel"/> (NaN below two records).</summary>
    public double StandardDeviation(int channel) => Count < 2 ? double.NaN : Math.Sqrt(m2[channel] / (Count - 1));

    /// <summary>Adds one record's values, one per channel.</summary>
    public void Add(ReadOnlySpan<double> values)
    {
        if (values.Length != mean.Length)
        {
            throw new ArgumentException($"expected {mean.Length} values, got {values.Length}");
        }
        Count++;
        for (int c = 0; c < mean.Length; c++)
        {
            double delta = values[c] - mean[c];
            mean[c] += delta / Count;
            m2[c] += delta * (values[c] - mean[c]);
        }
    }

    /// <summary>Adds the moments of another, disjoint set of records.</summary>
    public void Merge(ChannelMoments other)
    {
        if (other.Channels != Channels)
        {
            throw new ArgumentException($"cannot merge moments of {other.Channels} channels into {Channels}");
        }
        if (other.Count == 0)
        {
            return;
        }
        long n = Count + other.Count;
        double wa = (double)Count / n, wb = (double)other.Count / n;
        for (int c = 0; c < mean.Length; c++)
        {
            double delta = other.mean[c] - mean[c];
            m2[c] += other.m2[c] + delta * delta * Count * wb;
            mean[c] = wa * mean[c] + wb * other.mean[c];
        }
        Count = n;
    }
}
