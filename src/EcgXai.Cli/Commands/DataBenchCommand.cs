using System.CommandLine;
using EcgXai.Bench;

namespace EcgXai.Cli.Commands;

/// <summary><c>ecgxai bench data</c>: records per second of parse + resample + pad, without and from the tensor cache.</summary>
public sealed class DataBenchCommand : BenchmarkVerb<int>
{
    private readonly Option<int> records = SharedOptions.Int("--records", 2000, 1, "synthetic records to measure on");

    /// <summary>Declares the options.</summary>
    public DataBenchCommand()
        : base("data", "records/s of parse + resample + pad of 12-lead 10-s 500 Hz records, without and from the tensor cache", "ecgxai bench data --records 500 --json")
    {
        Use(records);
    }

    /// <inheritdoc />
    protected override int ReadOptions(ParseResult parse) => parse.GetValue(records);

    /// <inheritdoc />
    protected override BenchmarkReport Measure(int options, IProgress<string> log) => DataBenchmark.Run(options);
}
