using EcgXai.Training.Metrics;
using System.CommandLine;
using EcgXai.Explain.Faithfulness;

namespace EcgXai.Cli.Commands;

/// <summary><c>ecgxai prune</c>: AUROC when the classifier input keeps only its k most relevant units, against random and least relevant units.</summary>
public sealed class PruneCommand : Verb<PruneOptions>
{
    private readonly Option<string> model = SharedOptions.Model();
    private readonly Option<string> rankData = new("--rank-data")
    {
        Description = "dataset the units are ranked on (" + SharedOptions.SpecHelp + "): @train or @val, never @test; without a split only for a dataset not among --data",
        HelpName = "SPEC",
        Required = true,
    };
    private readonly Option<string[]> data = SharedOptions.Data(splitAllowed: true);
    private readonly Option<string> target = new("--target") { Description = "class whose relevance ranks the units", HelpName = "CLASS", Required = true };
    private readonly Option<string> keep = new("--keep") { Description = "units kept, comma-separated, 'all' for every unit", HelpName = "K,...", DefaultValueFactory = _ => "1,5,10,25,50,100,250,500,1000,2500,all" };
    private readonly Option<string> variant = new("--variant") { Description = "LRP variant whose relevance ranks the units (composite/policy)", HelpName = "V", DefaultValueFactory = _ => "epsilon_plus_flat/gradient" };
    private readonly Option<int> draws = SharedOptions.Int("--random-draws", 10, 1, "random unit orders drawn at each k");
    private readonly Option<string> output = SharedOptions.Out("run folder: writes DIR/explain/prune/", required: true);
    private readonly Option<int> bootstrap = SharedOptions.Int("--bootstrap", Bootstrap.DefaultResamples, 1, "bootstrap resamples for the AUROC 95% CI");
    private readonly Option<int> seed = SharedOptions.Seed(0, "seed of the random orders and the bootstrap");
    private readonly Option<int> batch = SharedOptions.Batch(32);
    private readonly Option<string> device = SharedOptions.Device();
    private readonly Option<string?> cache = SharedOptions.Cache();

    /// <summary>Declares the options.</summary>
    public PruneCommand()
        : base("prune", "AUROC per dataset and class when only the k most relevant classifier-input positions (or channels) are kept, vs random and least relevant",
            "ecgxai prune --model runs/demo/student/models/best.safetensors --rank-data ptbxl:runs/demo/data/synthetic-ptbxl@val --data cpsc2018:runs/demo/data/synthetic-cpsc-shift --target AF --out runs/demo")
    {
        foreach (Option option in new Option[] { model, rankData, data, target, keep, variant, draws, output, bootstrap, seed, batch, device, cache })
        {
            Use(option);
        }
    }

    /// <inheritdoc />
    protected override PruneOptions Read(ParseResult parse)
    {
        IReadOnlyList<int?> counts;
        try
        {
            counts = PruneOptions.ParseKeep(parse.GetRequiredValue(keep));
        }
        catch (ArgumentException e)
        {
            throw new UsageException("--keep: " + e.Message);
        }
        var options = new PruneOptions(parse.GetRequiredValue(model), SharedOptions.RequireExisting([parse.GetRequiredValue(rankData)])[0],
            SharedOptions.RequireExisting(parse.GetRequiredValue(data)), parse.GetRequiredValue(target), parse.GetRequiredValue(output))
        {
            Keep = counts,
            Variant = parse.GetRequiredValue(variant),
            RandomDraws = parse.GetValue(draws),
            BootstrapResamples = parse.GetValue(bootstrap),
            Seed = parse.GetValue(seed),
            BatchSize = parse.GetValue(batch),
            Device = parse.GetValue(device),
            CacheDirectory = parse.GetValue(cache),
        };
        options.Validate();
        return options;
    }

    /// <inheritdoc />
    protected override string? OutputFolder(PruneOptions options) => options.OutDirectory;

    /// <inheritdoc />
    protected override int Execute(PruneOptions options, VerbContext context)
    {
        PruneReport report = context.WithProgress(display =>
            Pruning.Run(options, display.For<PruneProgress>((d, p) => d.Report($"{p.Stage} {p.Dataset}", p.Completed, p.Total)), context.Cancellation));
        context.Out.Write(report.FormatTable());
        context.Out.WriteLine($"written to {report.OutputDirectory}");
        return ExitCodes.Success;
    }
}
