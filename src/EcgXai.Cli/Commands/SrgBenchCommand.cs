using System.CommandLine;
using System.Globalization;
using EcgXai.Bench;

namespace EcgXai.Cli.Commands;

/// <summary><c>ecgxai bench srg</c>: plain forward vs SRG flipping (input and one layer) throughput.</summary>
public sealed class SrgBenchCommand : BenchmarkVerb<SrgBenchmarkOptions>
{
    private static readonly SrgBenchmarkOptions Defaults = new();

    private readonly Option<string> preset = SharedOptions.Choice("--preset", Defaults.Preset, ["ribeiro", "compact"], "model preset");
    private readonly Option<int> records = SharedOptions.Int("--records", Defaults.Records, 1, "records flipped");
    private readonly Option<int> steps = SharedOptions.Int("--steps", Defaults.Steps, 1, "flipping steps");
    private readonly Option<string> layer = new("--layer") { Description = "layer flipped besides the input", HelpName = "NODE", DefaultValueFactory = _ => Defaults.Layer };
    private readonly Option<int> repeats = SharedOptions.Int("--repeats", Defaults.Repeats, 1, "timed repeats (median reported)");

    /// <summary>Declares the options.</summary>
    public SrgBenchCommand()
        : base("srg", "records/s of a plain forward vs perturbed records/s of SRG flipping at the input and one layer (target >= 0.8)", "ecgxai bench srg --json")
    {
        foreach (Option option in new Option[] { preset, records, steps, layer, repeats })
        {
            Use(option);
        }
    }

    /// <inheritdoc />
    protected override SrgBenchmarkOptions ReadOptions(ParseResult parse) =>
        new(parse.GetRequiredValue(preset), parse.GetValue(records), parse.GetValue(steps), parse.GetRequiredValue(layer), parse.GetValue(repeats));

    /// <inheritdoc />
    protected override BenchmarkReport Measure(SrgBenchmarkOptions options, IProgress<string> log) => SrgBenchmark.Run(options, log);

    /// <inheritdoc />
    protected override IEnumerable<string> Summary(BenchmarkReport report)
    {
        var f = report.Figures.ToDictionary(p => p.Key, p => p.Value);
        yield return string.Create(CultureInfo.InvariantCulture, $"{"flipped / forward",-28} {Convert.ToDouble(f["ratio"], CultureInfo.InvariantCulture):F2} (target >= 0.8)");
    }
}
