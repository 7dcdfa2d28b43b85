using EcgXai.Bench;

namespace EcgXai.Cli.Commands;

/// <summary><c>ecgxai bench data</c>: records per second of parse + resample + pad, without and from the tensor cache.</summary>
public sealed class DataBenchCommand : RecordsBenchmarkCommand
{
    /// <inheritdoc />
    public override string Name => "data";

    /// <inheritdoc />
    public override string Summary => "records/s of parse + resample + pad of 12-lead 10-s 500 Hz records, without and from the tensor cache";

    /// <inheritdoc />
    protected override BenchmarkReport Measure(int records) => DataBenchmark.Run(records);
}
