using EcgXai.Bench;

namespace EcgXai.Cli.Commands;

/// <summary><c>ecgxai bench data</c>: records per second of parse + resample + pad, without and from the tensor cache.</summary>
[Flags("json")]
public sealed class DataBenchCommand : IBenchmarkCommand
{
    /// <inheritdoc />
    public string Name => "data";

    /// <inheritdoc />
    public string Summary => "records/s of parse + resample + pad of 12-lead 10-s 500 Hz records, without and from the tensor cache";

    /// <inheritdoc />
    public string Usage => "ecgxai bench data [--json] [--records N]";

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
        BenchmarkReport report = DataBenchmark.Run(records);
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
