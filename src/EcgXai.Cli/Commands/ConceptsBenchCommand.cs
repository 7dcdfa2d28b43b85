using System.CommandLine;
using System.Globalization;
using EcgXai.Bench;

namespace EcgXai.Cli.Commands;

/// <summary><c>ecgxai bench concepts</c>: concept statistics pass and reference heatmaps against heatmap, forward and floor.</summary>
public sealed class ConceptsBenchCommand : BenchmarkVerb<ConceptsBenchmarkOptions>
{
    private static readonly ConceptsBenchmarkOptions Defaults = new();

    private readonly Option<string> preset = SharedOptions.Choice("--preset", Defaults.Preset, ["ribeiro", "compact"], "model preset");
    private readonly Option<int> batch = SharedOptions.Batch(Defaults.Batch, "records per batch");
    private readonly Option<int> records = SharedOptions.Int("--records", Defaults.Records, ConceptsBenchmark.References, "random records explained");
    private readonly Option<int> repeats = SharedOptions.Int("--repeats", Defaults.Repeats, 1, "timed repeats (median reported)");

    /// <summary>Declares the options.</summary>
    public ConceptsBenchCommand()
        : base("concepts", "concept statistics of every layer + positions + top-k per record vs a heatmap and a forward; 8x8 RelMax reference heatmaps vs their floor",
            "ecgxai bench concepts --json")
    {
        foreach (Option option in new Option[] { preset, batch, records, repeats })
        {
            Use(option);
        }
    }

    /// <inheritdoc />
    protected override ConceptsBenchmarkOptions ReadOptions(ParseResult parse) =>
        new(parse.GetRequiredValue(preset), parse.GetValue(batch), parse.GetValue(records), parse.GetValue(repeats));

    /// <inheritdoc />
    protected override BenchmarkReport Measure(ConceptsBenchmarkOptions options, IProgress<string> log) => ConceptsBenchmark.Run(options, log);

    /// <inheritdoc />
    protected override IEnumerable<string> Summary(BenchmarkReport report)
    {
        var f = report.Figures.Where(p => p.Value is double).ToDictionary(p => p.Key, p => (double)p.Value);
        yield return string.Create(CultureInfo.InvariantCulture, $"{"per_record / heatmap",-28} {f["per_record_s"] / f["heatmap_per_record_s"]:F2} (target <= 1.15)");
        yield return string.Create(CultureInfo.InvariantCulture, $"{"references / floor",-28} {f["references_s"] / f["references_floor_s"]:F2} (target <= 1.15)");
    }
}
