using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using EcgXai.Explain.Waves;

namespace EcgXai.Cli.Commands;

/// <summary><c>ecgxai beats RECORD</c>: detected R peaks of a WFDB record and, with a reference annotation file, EC57-style scores.</summary>
public sealed class BeatsCommand : Verb<BeatsCommand.Invocation>
{
    private readonly Argument<string> record;
    private readonly Option<string[]?> leads;
    private readonly Option<string?> reference;
    private readonly Option<bool> json;

    /// <summary>Declares the options.</summary>
    public BeatsCommand()
        : base("beats", "detect R peaks (Pan-Tompkins) and score them against reference beat annotations (EC57: Se, +P)",
            "ecgxai beats mitdb/100 --reference atr --json")
    {
        record = Use(SharedOptions.PathArgument("RECORD", "WFDB record path without extension, or its .hea file"));
        leads = Use(SharedOptions.CommaList("--leads", "NAMES", "leads to combine, by name, separated by commas (default all)"));
        reference = Use(new Option<string?>("--reference") { Description = "extension of the record's reference annotation file (e.g. atr)", HelpName = "EXT" });
        json = Use(new Option<bool>("--json") { Description = "print one JSON line last: beats, reference_beats, sensitivity, positive_predictivity" });
    }

    /// <summary>The library options and whether to end with a JSON line.</summary>
    /// <param name="Options">What to detect and score.</param>
    /// <param name="Json">Print the JSON summary line.</param>
    public sealed record Invocation(BeatsOptions Options, bool Json);

    /// <inheritdoc />
    protected override Invocation Read(ParseResult parse) => new(
        new BeatsOptions(parse.GetRequiredValue(record), new RPeakDetectorOptions(Leads: SharedOptions.NullIfEmpty(parse.GetValue(leads))), parse.GetValue(reference)),
        parse.GetValue(json));

    /// <inheritdoc />
    protected override int Execute(Invocation invocation, VerbContext context)
    {
        BeatsResult result = BeatDetection.Run(invocation.Options);
        foreach (int peak in result.Peaks)
        {
            context.Out.WriteLine(peak.ToString(CultureInfo.InvariantCulture));
        }
        BeatMatchScore? s = result.Score;
        if (invocation.Json)
        {
            context.Out.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["beats"] = result.Peaks.Count,
                ["reference_beats"] = s?.ReferenceBeats,
                ["sensitivity"] = s?.Sensitivity,
                ["positive_predictivity"] = s?.PositivePredictivity,
            }));
        }
        else if (s is not null)
        {
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.Peaks.Count} beats detected, {s.ReferenceBeats} reference beats: Se {s.Sensitivity:P2} ({s.FalseNegatives} missed), +P {s.PositivePredictivity:P2} ({s.FalsePositives} false)"));
        }
        return ExitCodes.Success;
    }
}
