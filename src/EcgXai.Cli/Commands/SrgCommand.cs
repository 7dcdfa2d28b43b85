using System.CommandLine;
using EcgXai.Explain.Faithfulness;

namespace EcgXai.Cli.Commands;

/// <summary><c>ecgxai srg</c>: Symmetric Relevance Gain of explanation variants at the input and at layers, with the best LRP variant in <c>explain/srg/best.json</c>.</summary>
public sealed class SrgCommand : Verb<SrgOptions>
{
    private static readonly SrgSettings Defaults = new();

    private readonly Option<string> model = SharedOptions.Model();
    private readonly Option<string[]> data = SharedOptions.Data(splitAllowed: true);
    private readonly Option<string> output = SharedOptions.Out("run folder: writes DIR/explain/srg/", required: true);
    private readonly Option<string[]?> variants = SharedOptions.CommaList("--variants", "V,...",
        "explanation variants: all, a composite (every bn2 policy), or composite/policy; gradient_x_input and random are always added (default: all)");
    private readonly Option<string[]?> layers = SharedOptions.CommaList("--layers", "NODE,...", "nodes flipped besides the input (channels; (channel, time) positions at the classifier input)");
    private readonly Option<int> steps = SharedOptions.Int("--steps", Defaults.Steps, 1, "flipping steps");
    private readonly Option<int?> records = new("--records") { Description = "analyse the first N records (default: all)", HelpName = "N" };
    private readonly Option<string?> target = new("--target") { Description = "explain this class for every record (default: each record's highest-scoring class)", HelpName = "CLASS" };
    private readonly Option<double> segment = SharedOptions.Double("--segment", Defaults.SegmentSeconds, 0, "input cell length, seconds");
    private readonly Option<string> baseline = SharedOptions.Choice("--baseline", "zero", ["zero", "lead-mean", "low-pass"], "what flipped input cells become");
    private readonly Option<double?> boxLow = SharedOptions.OptionalDouble("--box-low", double.NegativeInfinity, "EpsilonGammaBox lower input bound (default: the data's minimum)");
    private readonly Option<double?> boxHigh = SharedOptions.OptionalDouble("--box-high", double.NegativeInfinity, "EpsilonGammaBox upper input bound (default: the data's maximum)");
    private readonly Option<int> bootstrap = SharedOptions.Int("--bootstrap", Defaults.BootstrapResamples, 1, "bootstrap resamples for the 95% CIs");
    private readonly Option<int> seed = SharedOptions.Seed(0, "seed of the random order and the bootstrap");
    private readonly Option<int> batch = SharedOptions.Batch(Defaults.BatchSize, "records per batch (each step: one forward over both orders)");
    private readonly Option<string> device = SharedOptions.Device();
    private readonly Option<string?> cache = SharedOptions.Cache();

    /// <summary>Declares the options.</summary>
    public SrgCommand()
        : base("srg", "Symmetric Relevance Gain of LRP variants (composites x bn2 policies) and baselines at the input and at layers; best variant to explain/srg/best.json",
            "ecgxai srg --model runs/demo/student/models/best.safetensors --data cpsc2018:runs/demo/data/synthetic-cpsc-shift --variants all --layers blocks.2.out,blocks.4.out --records 64 --out runs/demo")
    {
        foreach (Option option in new Option[] { model, data, output, variants, layers, steps, records, target, segment, baseline, boxLow, boxHigh, bootstrap, seed, batch, device, cache })
        {
            Use(option);
        }
    }

    /// <inheritdoc />
    protected override SrgOptions Read(ParseResult parse)
    {
        IReadOnlyList<string> specs = SharedOptions.RequireExisting(parse.GetRequiredValue(data));
        if (specs.Count != 1)
        {
            throw new UsageException("srg flips the records of one dataset: give --data once");
        }
        double? low = parse.GetValue(boxLow), high = parse.GetValue(boxHigh);
        if (low.HasValue != high.HasValue)
        {
            throw new UsageException("give both --box-low and --box-high, or neither");
        }
        try
        {
            ExplanationVariant.Parse(SharedOptions.NullIfEmpty(parse.GetValue(variants)) ?? ["all"]);
        }
        catch (ArgumentException e)
        {
            throw new UsageException("--variants: " + e.Message);
        }
        return new SrgOptions(parse.GetRequiredValue(model), specs[0], parse.GetRequiredValue(output))
        {
            Variants = SharedOptions.NullIfEmpty(parse.GetValue(variants)) ?? ["all"],
            Layers = parse.GetValue(layers) ?? [],
            Records = parse.GetValue(records),
            Target = parse.GetValue(target),
            Settings = Defaults with
            {
                Steps = parse.GetValue(steps),
                SegmentSeconds = parse.GetValue(segment),
                Baseline = parse.GetRequiredValue(baseline) switch { "lead-mean" => InputBaseline.LeadMean, "low-pass" => InputBaseline.LowPass, _ => InputBaseline.Zero },
                Box = low is { } l && high is { } h ? new InputBox(l, h) : null,
                BootstrapResamples = parse.GetValue(bootstrap),
                Seed = parse.GetValue(seed),
                BatchSize = parse.GetValue(batch),
            },
            Device = parse.GetValue(device),
            CacheDirectory = parse.GetValue(cache),
        };
    }

    /// <inheritdoc />
    protected override string? OutputFolder(SrgOptions options) => options.OutDirectory;

    /// <inheritdoc />
    protected override int Execute(SrgOptions options, VerbContext context)
    {
        SrgReport report = context.WithProgress(display =>
            Srg.Run(options, display.For<SrgProgress>((d, p) => d.Report("srg " + p.Stage, p.Completed, p.Total)), context.Cancellation));
        context.Out.Write(report.FormatTable());
        context.Out.WriteLine($"written to {report.OutputDirectory}");
        return ExitCodes.Success;
    }
}
