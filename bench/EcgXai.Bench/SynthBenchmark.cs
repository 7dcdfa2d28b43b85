using System.Diagnostics;
using EcgXai.Synthesis;

namespace EcgXai.Bench;

/// <summary>
/// <c>bench synth</c>: synthetic 12-lead 10-s records per second, generated in memory (500 Hz plus the 100 Hz
/// decimation of the PTB-XL layout) and generated and written as a PTB-XL layout data set, on all cores.
/// </summary>
public static class SynthBenchmark
{
    /// <summary>Runs the benchmark with <paramref name="records"/> records in a temporary folder that is removed afterwards.</summary>
    public static BenchmarkReport Run(int records, ulong seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(records, 1);
        string dir = Path.Combine(Path.GetTempPath(), "ecgxai-bench-synth-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var options = new SyntheticDatasetOptions(dir, SyntheticLayout.PtbXl, records, seed, SynthesisSettings.Default);
            // Warm-up so tiered JIT compilation is not timed.
            for (int i = 0; i < Math.Min(records, 20); i++)
            {
                _ = SyntheticDatasetWriter.Generate(options, i).Decimate(5);
            }
            long checksum = 0;
            var clock = Stopwatch.StartNew();
            Parallel.For(0, records, i =>
            {
                SyntheticRecord r = SyntheticDatasetWriter.Generate(options, i);
                SyntheticRecord low = r.Decimate(5);
                Interlocked.Add(ref checksum, r.Waves.BeatSamples.Count + low.Waves.BeatSamples.Count);
            });
            double generateSeconds = clock.Elapsed.TotalSeconds;
            SyntheticDatasetSummary summary = SyntheticDatasetWriter.Write(options);
            long bytes = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
            return new BenchmarkReport("synth",
            [
                new("records", records),
                new("cores", Environment.ProcessorCount),
                new("beats_generated", checksum),
                new("generate_seconds", generateSeconds),
                new("generate_records_per_s", records / generateSeconds),
                new("write_seconds", summary.Seconds),
                new("write_records_per_s", records / summary.Seconds),
                new("write_records_per_min", 60 * records / summary.Seconds),
                new("megabytes_written", bytes / 1e6),
            ]);
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }
}
