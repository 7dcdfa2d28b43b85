using EcgXai.Bench;

namespace EcgXai.Cli.Commands;

/// <summary><c>ecgxai bench synth</c>: synthetic records generated and written per second (PTB-XL layout).</summary>
[Flags("json")]
public sealed class SynthBenchCommand : IBenchmarkCommand
{
    /// <inheritdoc />
    public string Name => "synth";

    /// <inheritdoc />
    public string Summary => "synthetic 12-lead 10-s records per second, generated and written in the PTB-XL layout";

    /// <inheritdoc />
    public string Usage => "ecgxai bench synth [--json] [--records N]";

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
        BenchmarkReport report = SynthBenchmark.Run(records);
        if (json)
        {
            stdout.WriteLine(report.ToJson());
        }
        else
        {
            foreach (string line in report.ToLines())
            {
                stdout.WriteLine(line);
            }
        }
        return 0;
    }
}
