using System.Globalization;
using System.Text;
using EcgXai.IO;

namespace EcgXai.Explain.Crp;

/// <summary>
/// Dataset-wide relevance of the concepts (channels) of one layer for one target: running sums and counts, so shards of a
/// large dataset can be accumulated separately and merged exactly. Ranks concepts by mean relevance, as in the study.
/// </summary>
public sealed class ConceptStatistics
{
    private readonly double[] sum;
    private readonly double[] sumAbs;

    /// <summary>Empty statistics for <paramref name="channels"/> concepts of <paramref name="layer"/> explaining <paramref name="target"/>.</summary>
    public ConceptStatistics(string layer, string target, int channels)
    {
        Layer = layer;
        Target = target;
        sum = new double[channels];
        sumAbs = new double[channels];
    }

    /// <summary>The layer whose channels are the concepts.</summary>
    public string Layer { get; }

    /// <summary>The explained class.</summary>
    public string Target { get; }

    /// <summary>Number of records accumulated.</summary>
    public long Records { get; private set; }

    /// <summary>Number of concepts.</summary>
    public int Channels => sum.Length;

    /// <summary>Adds one record's per-channel relevance (summed over time).</summary>
    public void Add(ReadOnlySpan<float> channelRelevance)
    {
        if (channelRelevance.Length != sum.Length)
        {
            throw new ArgumentException($"expected {sum.Length} channel relevances, got {channelRelevance.Length}");
        }
        for (int c = 0; c < sum.Length; c++)
        {
            sum[c] += channelRelevance[c];
            sumAbs[c] += Math.Abs(channelRelevance[c]);
        }
        Records++;
    }

    /// <summary>Adds another shard's statistics (same layer, target and channel count).</summary>
    public void Merge(ConceptStatistics other)
    {
        if (other.Layer != Layer || other.Target != Target || other.Channels != Channels)
        {
            throw new ArgumentException($"cannot merge statistics of {other.Layer}/{other.Target} ({other.Channels}) into {Layer}/{Target} ({Channels})");
        }
        for (int c = 0; c < sum.Length; c++)
        {
            sum[c] += other.sum[c];
            sumAbs[c] += other.sumAbs[c];
        }
        Records += other.Records;
    }

    /// <summary>Mean relevance of concept <paramref name="channel"/> over the accumulated records.</summary>
    public double Mean(int channel) => Records == 0 ? double.NaN : sum[channel] / Records;

    /// <summary>Mean absolute relevance of concept <paramref name="channel"/>.</summary>
    public double MeanAbsolute(int channel) => Records == 0 ? double.NaN : sumAbs[channel] / Records;

    /// <summary>Concept indices ordered by decreasing mean relevance (ties by index).</summary>
    public IReadOnlyList<int> Ranking() =>
        Enumerable.Range(0, Channels).OrderByDescending(Mean).ThenBy(c => c).ToArray();

    /// <summary>Writes the ranking as CSV (<c>rank,layer,channel,mean_relevance,mean_abs_relevance,records</c>), atomically.</summary>
    public void WriteCsv(string path)
    {
        var text = new StringBuilder("rank,layer,channel,target,mean_relevance,mean_abs_relevance,records\n");
        IReadOnlyList<int> ranking = Ranking();
        for (int r = 0; r < ranking.Count; r++)
        {
            int c = ranking[r];
            text.Append(CultureInfo.InvariantCulture, $"{r + 1},{Layer},{c},{Target},{Mean(c):R},{MeanAbsolute(c):R},{Records}\n");
        }
        AtomicFile.WriteText(path, text.ToString());
    }
}
