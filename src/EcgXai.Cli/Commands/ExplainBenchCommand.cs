using System.Globalization;
using EcgXai.Bench;

namespace EcgXai.Cli.Commands;

/// <summary><c>ecgxai bench explain [--preset P] [--batch N] [--repeats R] [--json]</c>: LRP/CRP speed and memory.</summary>
[Flags("json")]
public sealed class ExplainBenchCommand : IBenchmarkCommand
{
    /// <inheritdoc />
    public string Name => "explain";

    /// <inheritdoc />
    public string Summary => "forward vs EpsilonPlusFlat heatmaps, 8 CRP concepts of one record vs 8 plain heatmaps, peak RSS";

    /// <inheritdoc />
    public string Usage => "ecgxai bench explain [--preset ribeiro|compact] [--batch 32] [--repeats 2] [--json]";

    /// <inheritdoc />
    public int Run(CommandArgs args, TextWriter stdout, TextWriter stderr)
    {
        var options = new ExplainBenchmarkOptions(args.Option("preset") ?? "ribeiro", args.Int("batch", 32), args.Int("repeats", 2));
        bool json = args.Flag("json");
        args.EnsureAllUsed();
        BenchmarkReport report = ExplainBenchmark.Run(options, new EcgXai.IO.SynchronousProgress<string>(line => stderr.WriteLine(line)));
        foreach (string line in report.Lines(json))
        {
            stdout.WriteLine(line);
        }
        if (json)
        {
            return 0;
        }
        var f = report.Figures.ToDictionary(p => p.Key, p => Convert.ToDouble(p.Value, CultureInfo.InvariantCulture));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"lrp / forward",-28} {f["lrp_heatmap_s"] / f["forward_s"]:F2} (target <= 3.5)"));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"crp / lrp_8",-28} {f["crp_concepts_s"] / f["lrp_8_s"]:F2} (target <= 1.25)"));
        return 0;
    }
}
