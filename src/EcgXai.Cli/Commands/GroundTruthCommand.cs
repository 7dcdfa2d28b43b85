using System.CommandLine;
using EcgXai.Explain.Evidence;
using EcgXai.Explain.Faithfulness;

namespace EcgXai.Cli.Commands;

/// <summary><c>ecgxai groundtruth</c>: every explanation variant (and the top concepts) scored against planted evidence.</summary>
public sealed class GroundTruthCommand : Verb<GroundTruthOptions>
{
    private static readonly GroundTruthOptions Defaults = new("", "", "");

    private readonly Option<string> model = SharedOptions.Model();
    private readonly Option<string[]> data = SharedOptions.Data(splitAllowed: true);
    private readonly Option<string> output = SharedOptions.Out("run folder: writes DIR/explain/groundtruth/", required: true);
    private readonly Option<string[]?> variants = SharedOptions.CommaList("--variants", "V,...",
        "explanation variants: all, a composite (every bn2 policy), or composite/policy; gradient_x_input and random are always added (default: all)");
    private readonly Option<int> records = SharedOptions.Int("--records", Defaults.Records, 1, "score the first N records with a planted cue");
    private readonly Option<int> topConcepts = SharedOptions.Int("--top-concepts", Defaults.TopConcepts, 0, "top concepts per layer scored through their conditional heatmaps (0: none)");
    private readonly Option<string?> composite = new("--composite") { Description = "composite of the concepts' heatmaps (default: the run's SRG choice, else epsilon_plus_flat)", HelpName = "NAME" };
    private readonly Option<int> seed = SharedOptions.Seed(0, "seed of the random explanation");
    private readonly Option<int> batch = SharedOptions.Batch(Defaults.BatchSize, "records per batch");
    private readonly Option<string> device = SharedOptions.Device();
    private readonly Option<string?> cache = SharedOptions.Cache();

    /// <summary>Declares the options.</summary>
    public GroundTruthCommand()
        : base("groundtruth", "score explanations against planted evidence (synth --evidence): mass accuracy, rank accuracy and pointing game of every variant at the input and of the top concepts",
            "ecgxai groundtruth --model runs/ev-p-absent/models/best.safetensors --data ptbxl:data/ev-p-absent@test --out runs/ev-p-absent")
    {
        foreach (Option option in new Option[] { model, data, output, variants, records, topConcepts, composite, seed, batch, device, cache })
        {
            Use(option);
        }
    }

    /// <inheritdoc />
    protected override GroundTruthOptions Read(ParseResult parse)
    {
        IReadOnlyList<string> specs = SharedOptions.RequireExisting(parse.GetRequiredValue(data));
        if (specs.Count != 1)
        {
            throw new UsageException("groundtruth scores the records of one dataset: give --data once");
        }
        IReadOnlyList<string> tokens = SharedOptions.NullIfEmpty(parse.GetValue(variants)) ?? ["all"];
        try
        {
            ExplanationVariant.Parse(tokens);
        }
        catch (ArgumentException e)
        {
            throw new UsageException("--variants: " + e.Message);
        }
        return new GroundTruthOptions(parse.GetRequiredValue(model), specs[0], parse.GetRequiredValue(output))
        {
            Variants = tokens,
            Records = parse.GetValue(records),
            TopConcepts = parse.GetValue(topConcepts),
            Composite = parse.GetValue(composite),
            Seed = parse.GetValue(seed),
            BatchSize = parse.GetValue(batch),
            Device = parse.GetValue(device),
            CacheDirectory = parse.GetValue(cache),
        };
    }

    /// <inheritdoc />
    protected override string? OutputFolder(GroundTruthOptions options) => options.OutDirectory;

    /// <inheritdoc />
    protected override int Execute(GroundTruthOptions options, VerbContext context)
    {
        GroundTruthReport report = context.WithProgress(display =>
            GroundTruth.Run(options, display.For<(string Stage, int Done, int Total)>((d, p) => d.Report("groundtruth " + p.Stage, p.Done, p.Total)), context.Cancellation));
        context.Out.Write(report.FormatTable());
        context.Out.WriteLine($"written to {report.OutputDirectory}");
        return ExitCodes.Success;
    }
}
