using System.Collections.Concurrent;
using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using EcgXai.IO;
using EcgXai.Signals;

namespace EcgXai.Datasets;

/// <summary>
/// The tensor cache: a preprocessed dataset stored as one contiguous float32 file (<c>KEY.f32</c>, rows of
/// <c>[leads, length]</c>) plus a small JSON index (<c>KEY.json</c>), keyed by a hash of the dataset's files (paths,
/// sizes, modification times), the selection, every preprocessing setting and <see cref="CodeVersion"/> (so a change
/// of the preprocessing code changes the key without anyone bumping a number). Both files are written atomically,
/// the index last, so a present index always describes a complete signal file. Reuse memory-maps the signal file.
/// </summary>
public static class TensorCache
{
    /// <summary>Version of the cache file layout (the index's fields); part of every key.</summary>
    public const string LayoutVersion = "ecgxai-tensor-cache-2";

    private const int ChunkRecords = 256;

    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The cache key of <paramref name="index"/>'s selection prepared with <paramref name="options"/> for <paramref name="classNames"/>.</summary>
    public static string Key(DatasetIndex index, PreprocessOptions options, IReadOnlyList<string> classNames, int splitSeed)
    {
        var text = new StringBuilder();
        text.Append(LayoutVersion).Append('\n').Append(CodeVersion(options)).Append('\n')
            .Append(index.Spec.Kind).Append('\n').Append(Path.GetFullPath(index.Spec.Path)).Append('\n')
            .Append(index.Spec.Split).Append('\n').Append(splitSeed.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(JsonSerializer.Serialize(options, Json)).Append('\n')
            .Append(string.Join(",", classNames)).Append('\n');
        foreach (string file in index.SourceFiles)
        {
            AppendFile(text, file);
        }
        foreach (DatasetEntry entry in index.Selected)
        {
            text.Append(entry.Id).Append('\n');
            foreach (string file in entry.Files)
            {
                AppendFile(text, file);
            }
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }

    /// <summary>
    /// The version of the preprocessing code at <paramref name="options"/>: a hash of what <see cref="Preprocessor"/> makes
    /// of two fixed probe records (at 500 Hz and at 257 Hz, the second with a missing sample), so any change of the
    /// code's output changes every cache key. A test pins the value for the Ribeiro settings.
    /// </summary>
    public static string CodeVersion(PreprocessOptions options)
    {
        var preprocessor = new Preprocessor(options);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (double rate in (double[])[500, 257])
        {
            EcgRecord probe = Probe(options, rate);
            try
            {
                hash.AppendData(MemoryMarshal.AsBytes(preprocessor.Process(probe).AsSpan()));
            }
            catch (InvalidRecordException e)
            {
                hash.AppendData(Encoding.UTF8.GetBytes(e.Reason));
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    /// <summary>A deterministic record with the options' leads, long enough for their minimum duration; at 257 Hz one sample is missing.</summary>
    private static EcgRecord Probe(PreprocessOptions options, double rate)
    {
        int leads = options.Leads.Count;
        int n = (int)Math.Ceiling(rate * (Math.Max(options.MinimumSeconds, options.Length / options.SampleRate) + 1));
        var samples = new float[leads * n];
        for (int i = 0; i < samples.Length; i++)
        {
            int lead = i / n, t = i % n;
            samples[i] = (float)(Math.Sin(2 * Math.PI * (1 + lead) * t / rate) + 0.3 * Math.Sin(2 * Math.PI * 40 * t / rate) + 0.01 * lead);
        }
        int invalid = rate == 257 ? 1 : 0;
        if (invalid > 0)
        {
            samples[n / 2] = float.NaN;
        }
        return new EcgRecord("probe", samples, leads, rate, options.Leads.Select(LeadNames.Normalize).ToArray(), null, Sex.Unknown, [], [], "probe")
        { InvalidSampleCount = invalid };
    }

    /// <summary>The cached dataset of <paramref name="key"/> in <paramref name="directory"/>, memory-mapped, or null when absent.</summary>
    public static PreparedDataset? TryOpen(string directory, string key)
    {
        string indexPath = Path.Combine(directory, key + ".json"), signalPath = Path.Combine(directory, key + ".f32");
        if (!File.Exists(indexPath) || !File.Exists(signalPath))
        {
            return null;
        }
        TensorCacheIndex? cached;
        try
        {
            cached = JsonSerializer.Deserialize<TensorCacheIndex>(File.ReadAllText(indexPath), Json);
        }
        catch (JsonException e)
        {
            throw new EcgXaiException(indexPath, "tensor cache index is not valid JSON (delete it to rebuild): " + e.Message, e);
        }
        return cached is not null && cached.Key == key ? new MappedPreparedDataset(signalPath, cached) : null;
    }

    /// <summary>
    /// Reads and preprocesses every selected record of <paramref name="index"/> on all cores (records in chunks, each chunk
    /// in parallel, rows written in index order), skips bad records by reason, writes the cache of <paramref name="key"/>
    /// and returns it memory-mapped.
    /// </summary>
    public static PreparedDataset Build(
        string directory,
        string key,
        DatasetIndex index,
        Preprocessor preprocessor,
        IReadOnlyList<string> classNames,
        IProgress<DatasetProgress>? progress)
    {
        IReadOnlyList<DatasetEntry> entries = index.Selected;
        var kept = new List<DatasetEntry>(entries.Count);
        var skipped = new SkipCounter();
        skipped.AddAll(index.SkippedByReason, index.SkippedRecords);
        var warnings = new ConcurrentQueue<(string Id, string Warning)>();
        int per = preprocessor.OutputSize;
        string signalPath = Path.Combine(directory, key + ".f32");
        AtomicFile.Write(signalPath, stream =>
        {
            float[] chunk = ArrayPool<float>.Shared.Rent(ChunkRecords * per);
            var refusals = new SkippedRecord?[ChunkRecords];
            try
            {
                for (int start = 0; start < entries.Count; start += ChunkRecords)
                {
                    int count = Math.Min(ChunkRecords, entries.Count - start);
                    Parallel.For(0, count, i => refusals[i] = ProcessOne(index, preprocessor, entries[start + i], chunk.AsSpan(i * per, per), warnings));
                    for (int i = 0; i < count; i++)
                    {
                        if (refusals[i] is { } refusal)
                        {
                            skipped.Add(refusal);
                            continue;
                        }
                        kept.Add(entries[start + i]);
                        stream.Write(MemoryMarshal.AsBytes(chunk.AsSpan(i * per, per)));
                    }
                    progress?.Report(new DatasetProgress("preprocess", start + count, entries.Count));
                }
            }
            finally
            {
                ArrayPool<float>.Shared.Return(chunk);
            }
        });
        var unmapped = new SkipCounter();
        foreach (string code in kept.SelectMany(e => e.UnmappedCodes))
        {
            unmapped.Add(code);
        }
        var cached = new TensorCacheIndex(
            key,
            index.Spec.ToString(),
            kept.Select(e => e.Id).ToArray(),
            kept.Select(e => e.PatientId).ToArray(),
            kept.Select(e => e.Age).ToArray(),
            kept.Select(e => e.Sex).ToArray(),
            kept.Select(e => classNames.Select((c, i) => (c, i)).Where(x => e.Labels.Contains(x.c, StringComparer.Ordinal)).Select(x => x.i).ToArray()).ToArray(),
            preprocessor.Options.Leads.Select(LeadNames.Normalize).ToArray(),
            classNames.ToArray(),
            preprocessor.Options.SampleRate,
            preprocessor.Options.Length,
            skipped.ToDictionary(),
            unmapped.ToDictionary(),
            skipped.Records(),
            warnings.OrderBy(w => w.Id, StringComparer.Ordinal).Select(w => w.Warning).ToArray(),
            index.UnknownCodeCounts,
            classNames.Where(c => !index.ReadableLabels.Contains(c, StringComparer.Ordinal)).ToArray());
        AtomicFile.WriteText(Path.Combine(directory, key + ".json"), JsonSerializer.Serialize(cached, Json));
        return new MappedPreparedDataset(signalPath, cached);
    }

    /// <summary>Reads and preprocesses one record into <paramref name="target"/>, keeping its warnings; returns why it was refused, or null on success.</summary>
    private static SkippedRecord? ProcessOne(DatasetIndex index, Preprocessor preprocessor, DatasetEntry entry, Span<float> target,
        ConcurrentQueue<(string Id, string Warning)> warnings)
    {
        try
        {
            EcgRecord record = index.Read(entry);
            preprocessor.Process(record, target);
            foreach (string warning in record.Warnings)
            {
                warnings.Enqueue((entry.Id, warning));
            }
            return null;
        }
        catch (InvalidRecordException e)
        {
            return new SkippedRecord(entry.Id, e.Path, e.Reason, e.Problem);
        }
        catch (EcgXaiException e)
        {
            return new SkippedRecord(entry.Id, e.Path, "invalid", e.Problem);
        }
    }

    private static void AppendFile(StringBuilder text, string file)
    {
        var info = new FileInfo(file);
        text.Append(Path.GetFullPath(file)).Append(' ')
            .Append(info.Exists ? FormattableString.Invariant($"{info.Length} {info.LastWriteTimeUtc.Ticks}") : "absent").Append('\n');
    }
}
