using EcgXai.IO;
using System.CommandLine;
using EcgXai.Bench;

namespace EcgXai.Cli.Commands;

/// <summary>A kind of <c>ecgxai bench</c>: reads its options, measures, prints the report (one JSON line with <c>--json</c>).</summary>
/// <typeparam name="TOptions">The benchmark's options.</typeparam>
public abstract class BenchmarkVerb<TOptions> : Verb<BenchmarkVerb<TOptions>.Run>, IBenchmarkVerb
    where TOptions : notnull
{
    /// <summary>Creates the kind named <paramref name="name"/>.</summary>
    protected BenchmarkVerb(string name, string description, string example)
        : base(name, description, example)
    {
    }

    /// <summary>A benchmark run: its options and whether to print JSON.</summary>
    /// <param name="Options">The benchmark's options.</param>
    /// <param name="Json">True to print one JSON line.</param>
    public sealed record Run(TOptions Options, bool Json);

    /// <summary>Reads the benchmark's own options.</summary>
    protected abstract TOptions ReadOptions(ParseResult parse);

    /// <summary>Measures; progress lines go to <paramref name="log"/> (stderr).</summary>
    protected abstract BenchmarkReport Measure(TOptions options, IProgress<string> log);

    /// <summary>Lines printed after the figures in text mode (e.g. ratios against targets).</summary>
    protected virtual IEnumerable<string> Summary(BenchmarkReport report) => [];

    /// <inheritdoc />
    protected sealed override Run Read(ParseResult parse) => new(ReadOptions(parse), parse.GetValue<bool>(BenchCommand.JsonName));

    /// <inheritdoc />
    protected sealed override int Execute(Run options, VerbContext context)
    {
        BenchmarkReport report = Measure(options.Options, new SynchronousProgress<string>(context.Error.WriteLine));
        foreach (string line in options.Json ? report.Lines(json: true) : report.Lines(json: false).Concat(Summary(report)))
        {
            context.Out.WriteLine(line);
        }
        return ExitCodes.Success;
    }
}
