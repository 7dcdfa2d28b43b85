using EcgXai.Bench;

namespace EcgXai.Cli.Commands;

/// <summary>A benchmark over a number of synthetic records: <c>ecgxai bench NAME [--json] [--records N]</c>.</summary>
[Flags("json")]
public abstract class RecordsBenchmarkCommand : IBenchmarkCommand
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public abstract string Summary { get; }

    /// <inheritdoc />
    public string Usage => $"ecgxai bench {Name} [--json] [--records N (2000)]";

    /// <inheritdoc />
    public int Run(CommandArgs args, TextWriter stdout, TextWriter stderr)
    {
        bool json = args.Flag("json");
        int records = args.Int("records", 2000);
        args.EnsureAllUsed();
        if (records < 1)
        {
            throw new UsageException("--records must be at least 1");
        }
        foreach (string line in Measure(records).Lines(json))
        {
            stdout.WriteLine(line);
        }
        return 0;
    }

    /// <summary>Runs the benchmark on <paramref name="records"/> records.</summary>
    protected abstract BenchmarkReport Measure(int records);
}
