using System.CommandLine;
using System.Globalization;
using EcgXai.Bench;

namespace EcgXai.Cli.Commands;

/// <summary><c>ecgxai bench explain</c>: LRP/CRP speed and memory.</summary>
public sealed class ExplainBenchCommand : BenchmarkVerb<ExplainBenchmarkOptions>
{
    private static readonly ExplainBenchmarkOptions Defaults = new();

    private readonly Option<string> preset = SharedOptions.Choice("--preset", Defaults.Preset, ["ribeiro", "compact"], "model preset");
    private readonly Option<int> batch = SharedOptions.Batch(Defaults.Batch, $"records per batch (at least {ExplainBenchmark.Concepts}, the concepts explained)", ExplainBenchmark.Concepts);
    private readonly Option<int> repeats = SharedOptions.Int("--repeats", Defaults.Repeats, 1, "timed repeats (median reported)");

    /// <summary>Declares the options.</summary>
    public ExplainBenchCommand()
        : base("explain", "forward vs EpsilonPlusFlat heatmaps, 8 CRP concepts of one record vs 8 plain heatmaps, peak RSS", "ecgxai bench explain --preset compact --json")
    {
        foreach (Option option in new Option[] { preset, batch, repeats })
        {
            Use(option);
        }
    }

    /// <inheritdoc />
    protected override ExplainBenchmarkOptions ReadOptions(ParseResult parse) => new(parse.GetRequiredValue(preset), parse.GetValue(batch), parse.GetValue(repeats));

    /// <inheritdoc />
    protected override BenchmarkReport Measure(ExplainBenchmarkOptions options, IProgress<string> log) => ExplainBenchmark.Run(options, log);

    /// <inheritdoc />
    protected override IEnumerable<string> Summary(BenchmarkReport report)
    {
        var f = report.Figures.ToDictionary(p => p.Key, p => Convert.ToDouble(p.Value, CultureInfo.InvariantCulture));
        yield return string.Create(CultureInfo.InvariantCulture, $"{"lrp / forward",-28} {f["lrp_heatmap_s"] / f["forward_s"]:F2} (target <= 3.5)");
        yield return string.Create(CultureInfo.InvariantCulture, $"{"crp / lrp_8",-28} {f["crp_concepts_s"] / f["lrp_8_s"]:F2} (target <= 1.25)");
    }
}
