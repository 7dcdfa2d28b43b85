using EcgXai.IO;

namespace EcgXai.Synthesis;

/// <summary>
/// Ground truth of a synthetic record: the sample of every beat's R peak and the wave under each sample.
/// Saved beside the record as <c>RECORD.waves</c> (little-endian binary: magic <c>ECGXWAV1</c>, sample rate (f64),
/// sample count (i32), beat count (i32), beats (i32 each), run count (i32), runs of (label u8, length i32)).
/// </summary>
/// <param name="SampleRate">Sampling frequency of the record the annotation belongs to, in Hz.</param>
/// <param name="BeatSamples">Sample index of each beat's R peak inside the record, ascending.</param>
/// <param name="Labels">One label per sample.</param>
public sealed record WaveAnnotation(double SampleRate, IReadOnlyList<int> BeatSamples, IReadOnlyList<WaveLabel> Labels)
{
    private static readonly byte[] Magic = "ECGXWAV1"u8.ToArray();

    /// <summary>File extension of the sidecar, appended to the record path (without the record's own extension).</summary>
    public const string Extension = ".waves";

    /// <summary>The sidecar path of a record given without extension.</summary>
    public static string SidecarPath(string recordPath) => recordPath + Extension;

    /// <summary>The annotation of the same record sampled every <paramref name="factor"/>-th sample.</summary>
    public WaveAnnotation Decimate(int factor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1);
        var labels = new WaveLabel[(Labels.Count + factor - 1) / factor];
        for (int i = 0; i < labels.Length; i++)
        {
            labels[i] = Labels[i * factor];
        }
        int[] beats = BeatSamples.Select(b => Math.Min(labels.Length - 1, (int)Math.Round(b / (double)factor))).ToArray();
        return new WaveAnnotation(SampleRate / factor, beats, labels);
    }

    /// <summary>Writes the sidecar atomically.</summary>
    public void Save(string path) => AtomicFile.Write(path, stream =>
    {
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(SampleRate);
        w.Write(Labels.Count);
        w.Write(BeatSamples.Count);
        foreach (int b in BeatSamples)
        {
            w.Write(b);
        }
        var runs = Runs().ToList();
        w.Write(runs.Count);
        foreach (var (label, length) in runs)
        {
            w.Write((byte)label);
            w.Write(length);
        }
    });

    /// <summary>Reads a sidecar written by <see cref="Save"/>; a damaged file raises <see cref="InvalidRecordException"/>.</summary>
    public static WaveAnnotation Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException e)
        {
            throw new InvalidRecordException(path, "missing", "wave annotation file not found", e);
        }
        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes));
            if (!r.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
            {
                throw new InvalidRecordException(path, "format", "not an EcgXai wave annotation (bad magic)");
            }
            double rate = r.ReadDouble();
            int samples = r.ReadInt32();
            int beatCount = r.ReadInt32();
            if (!(rate > 0) || samples < 0 || beatCount < 0 || beatCount > samples)
            {
                throw new InvalidRecordException(path, "format", $"implausible header (rate {rate}, {samples} samples, {beatCount} beats)");
            }
            var beats = new int[beatCount];
            for (int i = 0; i < beatCount; i++)
            {
                beats[i] = r.ReadInt32();
                if (beats[i] < 0 || beats[i] >= samples || (i > 0 && beats[i] <= beats[i - 1]))
                {
                    throw new InvalidRecordException(path, "format", $"beat {i} at sample {beats[i]} is out of order or outside the record");
                }
            }
            var labels = new WaveLabel[samples];
            int runCount = r.ReadInt32();
            int filled = 0;
            for (int i = 0; i < runCount; i++)
            {
                byte label = r.ReadByte();
                int length = r.ReadInt32();
                if (!Enum.IsDefined((WaveLabel)label) || length <= 0 || length > samples - filled)
                {
                    throw new InvalidRecordException(path, "format", $"run {i} (label {label}, length {length}) is invalid");
                }
                labels.AsSpan(filled, length).Fill((WaveLabel)label);
                filled += length;
            }
            if (filled != samples || r.BaseStream.Position != bytes.Length)
            {
                throw new InvalidRecordException(path, "truncated", $"runs cover {filled} of {samples} samples");
            }
            return new WaveAnnotation(rate, beats, labels);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidRecordException(path, "truncated", "wave annotation ends early", e);
        }
    }

    /// <summary>Consecutive runs of equal labels, in order.</summary>
    public IEnumerable<(WaveLabel Label, int Length)> Runs()
    {
        int start = 0;
        for (int i = 1; i <= Labels.Count; i++)
        {
            if (i == Labels.Count || Labels[i] != Labels[start])
            {
                yield return (Labels[start], i - start);
                start = i;
            }
        }
    }
}
