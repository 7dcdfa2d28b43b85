using EcgXai.IO;

namespace EcgXai.Synthesis.Evidence;

/// <summary>
/// Where a planted cue lies: one flag per lead and sample. Saved beside the record as <c>RECORD.evidence</c>
/// (little-endian binary: magic <c>ECGXEVD1</c>, sample rate (f64), lead count (i32), sample count (i32), then per lead a
/// run count (i32) and runs of (start i32, length i32)).
/// </summary>
public sealed class EvidenceRegion
{
    private static readonly byte[] Magic = "ECGXEVD1"u8.ToArray();
    private readonly bool[] mask;

    /// <summary>An empty region of <paramref name="leads"/> × <paramref name="samples"/>.</summary>
    public EvidenceRegion(double sampleRate, int leads, int samples)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(leads);
        ArgumentOutOfRangeException.ThrowIfNegative(samples);
        SampleRate = sampleRate;
        LeadCount = leads;
        SampleCount = samples;
        mask = new bool[leads * samples];
    }

    /// <summary>File extension of the sidecar, appended to the record path.</summary>
    public const string Extension = ".evidence";

    /// <summary>Sampling rate of the record the region belongs to, Hz.</summary>
    public double SampleRate { get; }

    /// <summary>Number of leads.</summary>
    public int LeadCount { get; }

    /// <summary>Samples per lead.</summary>
    public int SampleCount { get; }

    /// <summary>The flags, <c>[lead * SampleCount + t]</c>.</summary>
    public ReadOnlySpan<bool> Mask => mask;

    /// <summary>Number of flagged (lead, sample) cells.</summary>
    public int Count => mask.Count(m => m);

    /// <summary>Share of all cells that are flagged.</summary>
    public double Share => mask.Length == 0 ? 0 : Count / (double)mask.Length;

    /// <summary>True when (<paramref name="lead"/>, <paramref name="sample"/>) is flagged.</summary>
    public bool Contains(int lead, int sample) => mask[(lead * SampleCount) + sample];

    /// <summary>Flags samples [<paramref name="from"/>, <paramref name="to"/>) of <paramref name="lead"/>, clipped to the record.</summary>
    public void Mark(int lead, int from, int to)
    {
        int a = Math.Max(0, from), b = Math.Min(SampleCount, to);
        if (b > a)
        {
            mask.AsSpan((lead * SampleCount) + a, b - a).Fill(true);
        }
    }

    /// <summary>
    /// The region at a rate <paramref name="factor"/> times lower: low-rate sample k is flagged when any of the samples
    /// it stands for, widened by <paramref name="dilation"/> low-rate samples on each side (the decimation filter's reach), is.
    /// </summary>
    public EvidenceRegion Decimate(int factor, int dilation)
    {
        int m = (SampleCount + factor - 1) / factor;
        var low = new EvidenceRegion(SampleRate / factor, LeadCount, m);
        for (int lead = 0; lead < LeadCount; lead++)
        {
            for (int t = 0; t < SampleCount; t++)
            {
                if (Contains(lead, t))
                {
                    int k = t / factor;
                    low.Mark(lead, k - dilation, k + dilation + 1);
                }
            }
        }
        return low;
    }

    /// <summary>Writes the sidecar atomically.</summary>
    public void Save(string path) => AtomicFile.Write(path, stream =>
    {
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(SampleRate);
        w.Write(LeadCount);
        w.Write(SampleCount);
        for (int lead = 0; lead < LeadCount; lead++)
        {
            var runs = Runs(lead).ToList();
            w.Write(runs.Count);
            foreach (var (start, length) in runs)
            {
                w.Write(start);
                w.Write(length);
            }
        }
    });

    /// <summary>Reads a sidecar written by <see cref="Save"/>; a damaged file raises <see cref="InvalidRecordException"/>.</summary>
    public static EvidenceRegion Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InvalidRecordException(path, "missing", "evidence sidecar not found", e);
        }
        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes));
            if (!r.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
            {
                throw new InvalidRecordException(path, "format", "not an EcgXai evidence sidecar (bad magic)");
            }
            double rate = r.ReadDouble();
            int leads = r.ReadInt32(), samples = r.ReadInt32();
            if (!(rate > 0) || leads is < 0 or > 1024 || samples < 0)
            {
                throw new InvalidRecordException(path, "format", $"implausible header (rate {rate}, {leads} leads, {samples} samples)");
            }
            var region = new EvidenceRegion(rate, leads, samples);
            for (int lead = 0; lead < leads; lead++)
            {
                int count = r.ReadInt32();
                for (int i = 0; i < count; i++)
                {
                    int start = r.ReadInt32(), length = r.ReadInt32();
                    if (start < 0 || length <= 0 || length > samples - start)
                    {
                        throw new InvalidRecordException(path, "format", $"lead {lead} run {i} ({start}, {length}) lies outside {samples} samples");
                    }
                    region.Mark(lead, start, start + length);
                }
            }
            if (r.BaseStream.Position != bytes.Length)
            {
                throw new InvalidRecordException(path, "format", "trailing bytes after the last run");
            }
            return region;
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidRecordException(path, "truncated", "evidence sidecar ends early", e);
        }
    }

    private IEnumerable<(int Start, int Length)> Runs(int lead)
    {
        int offset = lead * SampleCount;
        for (int t = 0; t < SampleCount;)
        {
            if (!mask[offset + t])
            {
                t++;
                continue;
            }
            int start = t;
            while (t < SampleCount && mask[offset + t])
            {
                t++;
            }
            yield return (start, t - start);
        }
    }
}
