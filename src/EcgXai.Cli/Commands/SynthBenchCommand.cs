using EcgXai.Bench;

namespace EcgXai.Cli.Commands;

/// <summary><c>ecgxai bench synth</c>: synthetic records generated and written per second (PTB-XL layout).</summary>
public sealed class SynthBenchCommand : RecordsBenchmarkCommand
{
    /// <inheritdoc />
    public override string Name => "synth";

    /// <inheritdoc />
    public override string Summary => "synthetic 12-lead 10-s records per second, generated and written in the PTB-XL layout";

    /// <inheritdoc />
    protected override BenchmarkReport Measure(int records) => SynthBenchmark.Run(records);
}
