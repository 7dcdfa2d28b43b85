using System.Globalization;
using EcgXai.Synthesis;

namespace EcgXai.Cli.Commands;

/// <summary><c>ecgxai synth</c>: writes a synthetic 12-lead data set in the PTB-XL or CPSC-2018 layout.</summary>
public sealed class SynthCommand : ICommand
{
    /// <inheritdoc />
    public string Name => "synth";

    /// <inheritdoc />
    public string Summary => "generate a synthetic 12-lead data set (with wave ground truth) in the PTB-XL or CPSC-2018 layout";

    /// <inheritdoc />
    public string Usage => "ecgxai synth --out DIR --layout ptbxl|cpsc2018 --records N --seed S [--preset default|shift]";

    /// <inheritdoc />
    public int Run(CommandArgs args, TextWriter stdout, TextWriter stderr)
    {
        string outDir = args.Required("out");
        string layout = args.Required("layout");
        string recordsText = args.Required("records");
        string seedText = args.Required("seed");
        string preset = args.Option("preset") ?? "default";
        args.EnsureAllUsed();
        if (!int.TryParse(recordsText, NumberStyles.Integer, CultureInfo.InvariantCulture, out int records) || records < 1)
        {
            throw new UsageException($"--records expects a positive integer, got '{recordsText}'");
        }
        if (!ulong.TryParse(seedText, NumberStyles.Integer, CultureInfo.InvariantCulture, out ulong seed))
        {
            throw new UsageException($"--seed expects a non-negative integer, got '{seedText}'");
        }
        SyntheticDatasetOptions options;
        try
        {
            options = new SyntheticDatasetOptions(outDir, SyntheticDatasetOptions.ParseLayout(layout), records, seed, SynthesisSettings.FromPreset(preset));
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
        var progress = new Progress<int>(n => stderr.Write($"\r{n}/{records} records"));
        SyntheticDatasetSummary summary = SyntheticDatasetWriter.Write(options, progress);
        stderr.WriteLine();
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {summary.Records} records ({layout}, preset {preset}, seed {seed}) to {summary.Directory} in {summary.Seconds:0.0} s"));
        stdout.WriteLine(string.Join("  ", summary.LabelCounts.Select(c => $"{c.Key} {c.Value}")));
        return 0;
    }
}
