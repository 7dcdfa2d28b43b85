using System.CommandLine;

namespace EcgXai.Cli.Commands;

/// <summary><c>ecgxai bench KIND [--json] [options]</c>: runs one benchmark; the kinds are the <see cref="IBenchmarkVerb"/> verbs.</summary>
public sealed class BenchCommand : Verb
{
    /// <summary>The switch that makes a benchmark print exactly one JSON line, last on stdout (accepted before or after the kind).</summary>
    public const string JsonName = "--json";

    /// <summary>Declares <c>--json</c> and adds every benchmark kind as a sub-verb.</summary>
    public BenchCommand()
        : base("bench", "benchmarks that print throughput and ratios (one JSON line with --json)", "ecgxai bench --json explain --preset compact")
    {
        Add(new Option<bool>(JsonName) { Description = "print the figures as exactly one JSON line, last on stdout (progress goes to stderr)", Recursive = true });
    }

    /// <inheritdoc />
    protected override void Bind(CliEnvironment environment)
    {
        base.Bind(environment);
        foreach (Verb kind in Discover(typeof(BenchCommand).Assembly, top: false, environment))
        {
            Add(kind);
        }
    }
}
