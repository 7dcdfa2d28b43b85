using System.CommandLine;
using EcgXai.Bench;

namespace EcgXai.Cli.Commands;

/// <summary><c>ecgxai bench synth</c>: synthetic records generated and written per second (PTB-XL layout).</summary>
public sealed class SynthBenchCommand : BenchmarkVerb<int>
{
    private readonly Option<int> records = SharedOptions.Int("--records", 2000, 1, "synthetic records to generate");

    /// <summary>Declares the options.</summary>
    public SynthBenchCommand()
        : base("synth", "synthetic 12-lead 10-s records per second, generated and written in the PTB-XL layout", "ecgxai bench synth --records 500")
    {
        Use(records);
    }

    /// <inheritdoc />
    protected override int ReadOptions(ParseResult parse) => parse.GetValue(records);

    /// <inheritdoc />
    protected override BenchmarkReport Measure(int options, IProgress<string> log) => SynthBenchmark.Run(options);
}
