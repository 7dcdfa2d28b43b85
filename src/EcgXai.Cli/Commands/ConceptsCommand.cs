using EcgXai.IO;
using System.CommandLine;
using EcgXai.Explain.Concepts;

namespace EcgXai.Cli.Commands;

/// <summary><c>ecgxai concepts</c>: dataset-wide concept relevance, rankings with bootstrap intervals, agreement between datasets and RelMax/ActMax references.</summary>
public sealed class ConceptsCommand : Verb<ConceptOptions>
{
    private static readonly ConceptOptions Defaults = new("", [], "AF", "");

    private readonly Option<string> model = SharedOptions.Model();
    private readonly Option<string[]> data = SharedOptions.Data(splitAllowed: true);
    private readonly Option<string> target = new("--target") { Description = "the explained class", HelpName = "CLASS", DefaultValueFactory = _ => Defaults.Target };
    private readonly Option<string[]?> layers = SharedOptions.CommaList("--layers", "NODES", "comma-separated nodes whose channels are the concepts (default: every recordable node)");
    private readonly Option<string> records = SharedOptions.Choice("--records", "positives", ["positives", "all"], "explain the target's positives or every record");
    private readonly Option<int> topK = SharedOptions.Int("--top-k", Defaults.TopK, 1, "length of each RelMax/ActMax reference list");
    private readonly Option<string?> shard = new("--shard") { Description = "process only shard i of n (records i, i+n, ...); combine the parts with `ecgxai merge`", HelpName = "i/n" };
    private readonly Option<string> output = SharedOptions.Out("run (or part) folder: writes DIR/explain/concepts/", required: true);
    private readonly Option<int> batch = SharedOptions.Batch(Defaults.BatchSize, "records per explanation batch");
    private readonly Option<string> device = SharedOptions.Device();
    private readonly Option<string?> cache = SharedOptions.Cache();
    private readonly Option<string?> composite = new("--composite") { Description = "composite name (default: the run folder's best SRG variant, else epsilon_plus_flat)", HelpName = "NAME" };
    private readonly Option<int> replicates = SharedOptions.Int("--replicates", Defaults.Replicates, 0, "bootstrap replicates of the mean-relevance and rank intervals (0: none)");
    private readonly Option<int> seed = SharedOptions.Seed(0, "bootstrap seed");
    private readonly Option<bool> noPositions = new("--no-positions") { Description = "skip the classifier input's (channel, time) positions" };
    private readonly Option<bool> noReferences = new("--no-references") { Description = "skip the reference heatmaps" };
    private readonly Option<bool> noProfiles = new("--no-lead-profiles") { Description = "skip the per-lead relevance profiles" };
    private readonly Option<bool> noPurity = new("--no-purity") { Description = "skip the wave purity and position consistency of the top concepts" };
    private readonly Option<bool> noGraph = new("--no-graph") { Description = "skip the attribution graph" };
    private readonly Option<int> topConcepts = SharedOptions.Int("--top-concepts", Defaults.TopConcepts, 1, "concepts per layer that get references, profiles and graphs");
    private readonly Option<int> referenceCount = SharedOptions.Int("--reference-count", Defaults.ReferenceCount, 1, "references per top concept that get heatmaps");
    private readonly Option<int> graphWidth = SharedOptions.Int("--graph-width", Defaults.GraphWidth, 1, "lower-layer concepts kept per attribution-graph node");

    /// <summary>Declares the options.</summary>
    public ConceptsCommand()
        : base("concepts", "dataset-wide concept relevance and ranking with bootstrap CIs, rank agreement between datasets, RelMax/ActMax references; shardable",
            "ecgxai concepts --model runs/demo/student/models/best.safetensors --data cpsc2018:runs/demo/data/synthetic-cpsc-shift --target AF --out runs/demo")
    {
        foreach (Option option in new Option[] { model, data, target, layers, records, topK, shard, output, batch, device, cache, composite, replicates, seed,
            noPositions, noReferences, noProfiles, noPurity, noGraph, topConcepts, referenceCount, graphWidth })
        {
            Use(option);
        }
    }

    /// <inheritdoc />
    protected override ConceptOptions Read(ParseResult parse)
    {
        ShardSpec? part;
        try
        {
            part = parse.GetValue(shard) is { } text ? ShardSpec.Parse(text) : null;
        }
        catch (ArgumentException e)
        {
            throw new UsageException("--shard: " + e.Message);
        }
        string modelPath = parse.GetRequiredValue(model);
        if (!File.Exists(modelPath))
        {
            throw new EcgXaiException(modelPath, "model file not found");
        }
        var options = new ConceptOptions(modelPath, SharedOptions.RequireExisting(parse.GetRequiredValue(data)), parse.GetRequiredValue(target), parse.GetRequiredValue(output))
        {
            Layers = SharedOptions.NullIfEmpty(parse.GetValue(layers)),
            Positions = !parse.GetValue(noPositions),
            Records = parse.GetRequiredValue(records) == "all" ? ConceptRecords.All : ConceptRecords.Positives,
            TopK = parse.GetValue(topK),
            Shard = part,
            BatchSize = parse.GetValue(batch),
            Device = parse.GetValue(device),
            CacheDirectory = parse.GetValue(cache),
            Composite = parse.GetValue(composite),
            Replicates = parse.GetValue(replicates),
            Seed = (ulong)parse.GetValue(seed),
            References = !parse.GetValue(noReferences),
            LeadProfiles = !parse.GetValue(noProfiles),
            Purity = !parse.GetValue(noPurity),
            AttributionGraph = !parse.GetValue(noGraph),
            TopConcepts = parse.GetValue(topConcepts),
            ReferenceCount = parse.GetValue(referenceCount),
            GraphWidth = parse.GetValue(graphWidth),
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
        return options;
    }

    /// <inheritdoc />
    protected override string? OutputFolder(ConceptOptions options) => options.OutDirectory;

    /// <inheritdoc />
    protected override int Execute(ConceptOptions options, VerbContext context)
    {
        ConceptResult result = context.WithProgress(display =>
            ConceptAnalysis.Run(options, display.For<ConceptProgress>((d, p) => d.Report(p.Stage, p.Done, p.Total, p.Message)), context.Cancellation));
        context.Out.WriteLine(ConceptReport.Describe(result));
        return ExitCodes.Success;
    }
}
