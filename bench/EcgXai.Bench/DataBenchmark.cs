using System.Diagnostics;
using EcgXai.Datasets;
using EcgXai.Synthesis;

namespace EcgXai.Bench;

/// <summary>
/// <c>bench data</c>: records per second of parse + resample (500 → 400 Hz) + centre pad/crop (4096) of 12-lead 10-s
/// synthetic records in the PTB-XL layout, on all cores: once building the tensor cache (every record read and
/// preprocessed, the cache written) and once from the cache (memory-mapped, every value read). Targets: 364 records/s
/// without the cache (PTB-XL's 21,837 in a minute), 4,400 records/s from it. Process CPU time and the load average are
/// reported beside wall time because the machine may be shared.
/// </summary>
public static class DataBenchmark
{
    /// <summary>Records per second wanted without the cache.</summary>
    public const double TargetWithoutCache = 364;

    /// <summary>Records per second wanted from the cache.</summary>
    public const double TargetFromCache = 4400;

    /// <summary>Runs the benchmark on <paramref name="records"/> synthetic records in a temporary folder that is removed afterwards.</summary>
    public static BenchmarkReport Run(int records, ulong seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(records, 1);
        string dir = Path.Combine(Path.GetTempPath(), "ecgxai-bench-data-" + Guid.NewGuid().ToString("N")[..8]);
        string data = Path.Combine(dir, "ptbxl"), cache = Path.Combine(dir, "cache");
        try
        {
            SyntheticDatasetWriter.Write(new SyntheticDatasetOptions(data, SyntheticLayout.PtbXl, records, seed, SynthesisSettings.Default));
            string spec = "ptbxl:" + data;
            using Process self = Process.GetCurrentProcess();
            TimeSpan cpu0 = self.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            int built;
            using (PreparedDataset cold = DatasetPreparer.Prepare(spec, PreprocessOptions.Ribeiro, LabelMap.Ribeiro, cache))
            {
                built = cold.Count;
            }
            double coldSeconds = clock.Elapsed.TotalSeconds;
            self.Refresh();
            TimeSpan cpu1 = self.TotalProcessorTime;
            clock.Restart();
            double checksum = 0;
            int warmCount;
            using (PreparedDataset warm = DatasetPreparer.Prepare(spec, PreprocessOptions.Ribeiro, LabelMap.Ribeiro, cache))
            {
                warmCount = warm.Count;
                checksum = ParallelSum(warm);
            }
            double warmSeconds = clock.Elapsed.TotalSeconds;
            self.Refresh();
            double coldCpu = (cpu1 - cpu0).TotalSeconds, warmCpu = (self.TotalProcessorTime - cpu1).TotalSeconds;
            if (built != records || warmCount != records || !double.IsFinite(checksum))
            {
                throw new InvalidOperationException($"benchmark data set lost records: {records} written, {built} prepared, {warmCount} from the cache");
            }
            double coldRate = records / coldSeconds, warmRate = records / warmSeconds;
            return new BenchmarkReport("data",
            [
                new("records", records),
                new("cores", Environment.ProcessorCount),
                new("without_cache_seconds", coldSeconds),
                new("without_cache_records_per_s", coldRate),
                new("without_cache_target_records_per_s", TargetWithoutCache),
                new("without_cache_ratio_to_target", coldRate / TargetWithoutCache),
                new("without_cache_cpu_seconds", coldCpu),
                new("without_cache_records_per_cpu_s", records / coldCpu),
                new("from_cache_seconds", warmSeconds),
                new("from_cache_records_per_s", warmRate),
                new("from_cache_target_records_per_s", TargetFromCache),
                new("from_cache_ratio_to_target", warmRate / TargetFromCache),
                new("from_cache_cpu_seconds", warmCpu),
                new("load_average_1min", LoadAverage()),
                new("signal_checksum", checksum),
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

    /// <summary>The 1-minute load average on Linux (the machine may be shared), else -1.</summary>
    private static double LoadAverage()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) && double.TryParse(File.ReadAllText(path).Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture, out double load) ? load : -1;
    }

    /// <summary>Reads every value of every record (so the mapped pages are really loaded), in parallel.</summary>
    private static double ParallelSum(PreparedDataset dataset)
    {
        double total = 0;
        object gate = new();
        Parallel.For(0, dataset.Count, () => 0.0, (i, _, sum) =>
        {
            foreach (float v in dataset.Signal(i))
            {
                sum += v;
            }
            return sum;
        }, sum =>
        {
            lock (gate)
            {
                total += sum;
            }
        });
        return total;
    }
}
