using System.Globalization;
using EcgXai.Signals;

namespace EcgXai.Cli.Commands;

/// <summary><c>ecgxai dump RECORD</c>: prints a WFDB record's samples like WFDB's rdsamp.</summary>
[Flags("physical")]
public sealed class DumpCommand : ICommand
{
    /// <inheritdoc />
    public string Name => "dump";

    /// <inheritdoc />
    public string Summary => "print a WFDB record's samples like rdsamp (digital, or physical with --physical)";

    /// <inheritdoc />
    public string Usage => "ecgxai dump RECORD [--physical] [--from N] [--to N] [--channels i,j,...]\n"
        + "  RECORD      record path without extension, or its .hea file\n"
        + "  --physical  physical units instead of digital integers\n"
        + "  --from N    first sample (inclusive, default 0); --to N  last sample (exclusive, default the end)\n"
        + "  --channels  0-based signal numbers in output order (default all)";

    /// <inheritdoc />
    public int Run(CommandArgs args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Positionals.Count != 1)
        {
            throw new UsageException("name exactly one RECORD");
        }
        string? to = args.Option("to");
        string? channels = args.Option("channels");
        var options = new WfdbDumpOptions(
            args.Positionals[0],
            args.Flag("physical"),
            args.Int("from", 0),
            to is null ? null : args.Int("to", 0),
            channels?.Split(',', StringSplitOptions.TrimEntries).Select(ParseChannel).ToArray());
        args.EnsureAllUsed();
        foreach (string line in WfdbDump.Lines(options))
        {
            stdout.WriteLine(line);
        }
        return 0;
    }

    private static int ParseChannel(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int c)
            ? c
            : throw new UsageException($"--channels expects 0-based signal numbers separated by commas, got '{text}'");
}
