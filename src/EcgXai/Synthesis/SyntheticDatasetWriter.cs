using System.Diagnostics;
using EcgXai.IO;

namespace EcgXai.Synthesis;

/// <summary>
/// Generates a synthetic data set in an official layout (or a planted-evidence set), records in parallel. Record <c>i</c> depends only on
/// (seed, i, settings), so the output is byte-identical whatever the number of threads.
/// </summary>
public static class SyntheticDatasetWriter
{
    /// <summary>Writes the data set and reports the number of records done through <paramref name="progress"/>.</summary>
    public static SyntheticDatasetSummary Write(SyntheticDatasetOptions options, IProgress<int>? progress = null)
    {
        if (options.Evidence is { } kind)
        {
            return options.Layout == SyntheticLayout.PtbXl
                ? Evidence.EvidenceDatasetWriter.Write(new Evidence.EvidenceOptions(options.OutputDirectory, kind, options.Records, options.Seed), progress)
                : throw new ArgumentException("planted-evidence data sets are written in the PTB-XL layout only");
        }
        options.Settings.Validate();
        if (options.Records < 1)
        {
            throw new ArgumentException($"a data set needs at least one record (got {options.Records})");
        }
        string dir = Path.GetFullPath(options.OutputDirectory);
        if (Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any())
        {
            throw new EcgXaiException(dir, "output directory exists and is not empty; choose a new one");
        }
        Directory.CreateDirectory(dir);
        ISyntheticLayoutWriter writer = CreateWriter(options, dir);
        var clock = Stopwatch.StartNew();
        var patients = new SyntheticPatient[options.Records];
        int done = 0;
        Parallel.For(0, options.Records, i =>
        {
            SyntheticRecord record = Generate(writer, options, i);
            writer.WriteRecord(i, record);
            patients[i] = record.Patient;
            int count = Interlocked.Increment(ref done);
            if (count % 100 == 0 || count == options.Records)
            {
                progress?.Report(count);
            }
        });
        writer.WriteIndex(patients);
        var counts = SyntheticLabels.All.Select(l => new KeyValuePair<string, int>(l, patients.Count(p => p.Has(l)))).ToArray();
        return new SyntheticDatasetSummary(dir, options.Records, counts, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Record <paramref name="index"/> of a data set, as <see cref="Write"/> would write it (for benchmarks and tests).</summary>
    public static SyntheticRecord Generate(SyntheticDatasetOptions options, int index) =>
        Generate(CreateWriter(options, options.OutputDirectory), options, index);

    private static ISyntheticLayoutWriter CreateWriter(SyntheticDatasetOptions options, string dir) => options.Layout switch
    {
        SyntheticLayout.PtbXl => new PtbXlLayoutWriter(dir, options.Seed, options.Settings.SampleRate),
        SyntheticLayout.Cpsc2018 => new Cpsc2018LayoutWriter(dir),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Layout, "unknown layout"),
    };

    private static SyntheticRecord Generate(ISyntheticLayoutWriter writer, SyntheticDatasetOptions options, int index)
    {
        double duration = writer.DurationSeconds(new SynthRandom(options.Seed ^ 0x5EC0D5UL, (ulong)index));
        return EcgSynthesizer.Generate(options.Settings, options.Seed, index, duration, writer.RecordId(index));
    }
}
