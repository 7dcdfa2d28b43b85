using System.CommandLine;
using System.Globalization;
using EcgXai.Signals;

namespace EcgXai.Cli.Commands;

/// <summary><c>ecgxai dump RECORD</c>: prints a WFDB record's samples like WFDB's rdsamp.</summary>
public sealed class DumpCommand : Verb<WfdbDumpOptions>
{
    private readonly Argument<string> record;
    private readonly Option<bool> physical;
    private readonly Option<int> from;
    private readonly Option<int?> to;
    private readonly Option<int[]?> channels;
    private readonly Option<string> precision;
    private readonly Option<string?> annotations;

    /// <summary>Declares the options.</summary>
    public DumpCommand()
        : base("dump", "print a WFDB record's samples like rdsamp (digital, or physical with --physical)",
            "ecgxai dump mitdb/100 --physical --from 0 --to 360 --channels 0,1")
    {
        record = Use(SharedOptions.PathArgument("RECORD", "record path without extension, or its .hea file"));
        physical = Use(new Option<bool>("--physical") { Description = "physical units instead of digital integers" });
        from = Use(SharedOptions.Int("--from", 0, 0, "first sample (inclusive)"));
        to = Use(new Option<int?>("--to") { Description = "last sample (exclusive; default the end)", HelpName = "N" });
        channels = Use(new Option<int[]?>("--channels")
        {
            Description = "0-based signal numbers in output order, separated by commas (default all)",
            HelpName = "I,J,...",
            CustomParser = result =>
            {
                var list = new List<int>();
                foreach (string text in result.Tokens[^1].Value.Split(',', StringSplitOptions.TrimEntries))
                {
                    if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int c))
                    {
                        result.AddError($"--channels expects 0-based signal numbers separated by commas, got '{text}'");
                        return null;
                    }
                    list.Add(c);
                }
                return list.ToArray();
            },
        });
        precision = Use(SharedOptions.Choice("--precision", "full", ["full", "resolution"],
            "digits of --physical values: full = the exact value (rdsamp -P), resolution = one ADC step (rdsamp -p)"));
        annotations = Use(new Option<string?>("--annotations")
        {
            Description = "print the annotation file RECORD.EXT like rdann (time, sample, mnemonic, subtyp, chan, num, aux) instead of samples",
            HelpName = "EXT",
        });
    }

    /// <inheritdoc />
    protected override WfdbDumpOptions Read(ParseResult parse) =>
        new(parse.GetRequiredValue(record), parse.GetValue(physical), parse.GetValue(from), parse.GetValue(to), SharedOptions.NullIfEmpty(parse.GetValue(channels)))
        {
            Precision = parse.GetValue(precision) == "resolution" ? WfdbDumpPrecision.Resolution : WfdbDumpPrecision.Full,
            AnnotationExtension = parse.GetValue(annotations),
        };

    /// <inheritdoc />
    protected override int Execute(WfdbDumpOptions options, VerbContext context)
    {
        foreach (string line in WfdbDump.Lines(options))
        {
            context.Out.WriteLine(line);
        }
        return ExitCodes.Success;
    }
}
