using System.CommandLine;
using EcgXai.Bench;

namespace EcgXai.Cli.Commands;

/// <summary><c>ecgxai bench train</c>: training, distillation and inference throughput on random data.</summary>
public sealed class BenchTrainCommand : BenchmarkVerb<BenchTrainCommand.Settings>
{
    private readonly Option<int> batch = SharedOptions.Batch(32);
    private readonly Option<int> steps = SharedOptions.Int("--steps", 4, 1, "timed steps");
    private readonly Option<string> device = SharedOptions.Device();
    private readonly Option<int> seed = SharedOptions.Seed(0);

    /// <summary>Declares the options.</summary>
    public BenchTrainCommand()
        : base("train", "training/distillation samples/s with data-wait share, inference samples/s (ribeiro, compact)", "ecgxai bench train --batch 32 --steps 4")
    {
        foreach (Option option in new Option[] { batch, steps, device, seed })
        {
            Use(option);
        }
    }

    /// <summary>The benchmark's settings.</summary>
    /// <param name="Batch">Batch size.</param>
    /// <param name="Steps">Timed steps.</param>
    /// <param name="Device">Device name.</param>
    /// <param name="Seed">Seed.</param>
    public sealed record Settings(int Batch, int Steps, string? Device, int Seed);

    /// <inheritdoc />
    protected override Settings ReadOptions(ParseResult parse) => new(parse.GetValue(batch), parse.GetValue(steps), parse.GetValue(device), parse.GetValue(seed));

    /// <inheritdoc />
    protected override BenchmarkReport Measure(Settings options, IProgress<string> log) => TrainBenchmark.Run(options.Batch, options.Steps, options.Device, options.Seed);
}
