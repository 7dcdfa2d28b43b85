using System.CommandLine;
using System.Globalization;
using EcgXai.Synthesis;
using EcgXai.Synthesis.Evidence;

namespace EcgXai.Cli.Commands;

/// <summary><c>ecgxai synth</c>: writes a synthetic 12-lead data set in the PTB-XL or CPSC-2018 layout.</summary>
public sealed class SynthCommand : Verb<SyntheticDatasetOptions>
{
    private readonly Option<string> output;
    private readonly Option<string> layout;
    private readonly Option<int> records;
    private readonly Option<ulong> seed;
    private readonly Option<string> preset;
    private readonly Option<string?> evidence;

    /// <summary>Declares the options.</summary>
    public SynthCommand()
        : base("synth", "generate a synthetic 12-lead data set (with wave ground truth) in the PTB-XL or CPSC-2018 layout",
            "ecgxai synth --out data/synthetic-ptbxl --layout ptbxl --records 500 --seed 1")
    {
        output = Use(SharedOptions.Out("dataset folder to write", required: true));
        layout = Use(SharedOptions.Choice("--layout", "ptbxl", ["ptbxl", "cpsc2018"], "official layout to write"));
        records = Use(SharedOptions.Int("--records", 100, 1, "number of records"));
        seed = Use(new Option<ulong>("--seed") { Description = "random seed (non-negative)", HelpName = "S", DefaultValueFactory = _ => 0 });
        preset = Use(SharedOptions.Choice("--preset", "default", SynthesisSettings.PresetNames, "synthesis preset"));
        evidence = Use(new Option<string?>("--evidence")
        {
            Description = "planted-evidence data set instead (ptbxl layout): the label (EVIDENCE_KIND vs NORM) depends only on this cue; "
                + ".evidence sidecars mark it per lead and sample",
            HelpName = "KIND",
        });
        evidence.AcceptOnlyFromAmong([.. EvidenceKinds.All]);
    }

    /// <inheritdoc />
    protected override SyntheticDatasetOptions Read(ParseResult parse) => new(
        parse.GetRequiredValue(output),
        SyntheticDatasetOptions.ParseLayout(parse.GetRequiredValue(layout)),
        parse.GetValue(records),
        parse.GetValue(seed),
        SynthesisSettings.FromPreset(parse.GetRequiredValue(preset)))
    {
        Evidence = parse.GetValue(evidence) is { } kind ? EvidenceKinds.Parse(kind) : null,
    };

    /// <inheritdoc />
    protected override string? OutputFolder(SyntheticDatasetOptions options) => options.OutputDirectory;

    /// <inheritdoc />
    protected override bool RecordsInvocation => false;

    /// <inheritdoc />
    protected override int Execute(SyntheticDatasetOptions options, VerbContext context)
    {
        SyntheticDatasetSummary summary = context.WithProgress(display =>
            SyntheticDatasetWriter.Write(options, display.For<int>((d, n) => d.Report("synth", n, options.Records, "records"))));
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {summary.Records} records ({options.Layout}, seed {options.Seed}) to {summary.Directory} in {summary.Seconds:0.0} s"));
        context.Out.WriteLine(string.Join("  ", summary.LabelCounts.Select(c => $"{c.Key} {c.Value}")));
        return ExitCodes.Success;
    }
}
