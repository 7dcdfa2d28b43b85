using System.CommandLine;
using System.Globalization;
using EcgXai.Bench;
using EcgXai.Explain.Attribution;

namespace EcgXai.Cli.Commands;

/// <summary><c>ecgxai bench explain</c>: LRP/CRP speed and memory at several batch sizes in one process.</summary>
public sealed class ExplainBenchCommand : BenchmarkVerb<ExplainBenchmarkOptions>
{
    private static readonly ExplainBenchmarkOptions Defaults = new();

    private readonly Option<string> preset = SharedOptions.Choice("--preset", Defaults.Preset, ["ribeiro", "compact"], "model preset of the fresh model (when no --model is given)");
    private readonly Option<int[]> batch = new("--batch")
    {
        Description = $"batch sizes measured in one process (repeatable, each at least {ExplainBenchmark.Concepts}, the concepts explained)",
        HelpName = "N",
        AllowMultipleArgumentsPerToken = true,
        DefaultValueFactory = _ => [.. ExplainBenchmarkOptions.DefaultBatches],
    };

    private readonly Option<int> repeats = SharedOptions.Int("--repeats", Defaults.Repeats, 1, "timed repeats after a warm-up (median reported)");
    private readonly Option<string?> model = new("--model")
    {
        Description = "EcgXai checkpoint (.safetensors, .pt/.pth with config.json) or an ONNX file (.onnx) to measure; default: a fresh model of --preset",
        HelpName = "FILE",
    };

    private readonly Option<int> piece = SharedOptions.Int("--records-per-piece", Defaults.RecordsPerPiece, 2,
        "records walked together: a larger batch runs in pieces of this many");

    /// <summary>Declares the options.</summary>
    public ExplainBenchCommand()
        : base("explain", "forward vs EpsilonPlusFlat heatmaps at batch 8 and 32, 8 CRP concepts of one record vs 8 plain heatmaps, peak RSS",
            "ecgxai bench explain --batch 8 32 --json")
    {
        batch.Validators.Add(result =>
        {
            int[] small = (result.GetValueOrDefault<int[]>() ?? []).Where(b => b < ExplainBenchmark.Concepts).ToArray();
            if (small.Length > 0)
            {
                result.AddError($"--batch must be at least {ExplainBenchmark.Concepts}, got {small[0]}");
            }
        });
        foreach (Option option in new Option[] { preset, batch, repeats, model, piece })
        {
            Use(option);
        }
    }

    /// <inheritdoc />
    protected override ExplainBenchmarkOptions ReadOptions(ParseResult parse) =>
        new(parse.GetRequiredValue(preset), parse.GetValue(batch), parse.GetValue(repeats), Model: parse.GetValue(model),
            RecordsPerPiece: parse.GetValue(piece));

    /// <inheritdoc />
    protected override BenchmarkReport Measure(ExplainBenchmarkOptions options, IProgress<string> log) => ExplainBenchmark.Run(options, log);

    /// <inheritdoc />
    protected override IEnumerable<string> Summary(BenchmarkReport report)
    {
        var perForward = (double[])report["lrp_per_forward"];
        yield return Line("lrp / forward", string.Join(", ", perForward.Select(r => r.ToString("F2", CultureInfo.InvariantCulture))), ExplainBenchmark.TargetLrpPerForward);
        yield return Line("lrp per record (largest) / forward per record (smallest)", Number(report["lrp_per_record_vs_forward_8"]), ExplainBenchmark.TargetLargeBatch);
        yield return Line("crp / lrp_8", Number(report["crp_per_lrp_8"]), ExplainBenchmark.TargetCrp);
        yield return Line("peak rss mb", Number(report["peak_rss_mb"]), ExplainBenchmark.TargetPeakRssMb);
    }

    private static string Number(object value) => Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("F2", CultureInfo.InvariantCulture);

    private static string Line(string what, string value, double target) =>
        string.Create(CultureInfo.InvariantCulture, $"{what,-28} {value} (target <= {target})");
}
