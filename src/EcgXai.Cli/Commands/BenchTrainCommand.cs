using EcgXai.Bench;

namespace EcgXai.Cli.Commands;

/// <summary><c>ecgxai bench train</c>: training, distillation and inference throughput on random data.</summary>
[Flags("json")]
public sealed class BenchTrainCommand : IBenchmarkCommand
{
    /// <inheritdoc />
    public string Name => "train";

    /// <inheritdoc />
    public string Summary => "training/distillation samples/s with data-wait share, inference samples/s (ribeiro, compact)";

    /// <inheritdoc />
    public string Usage => "ecgxai bench train [--json] [--batch N] [--steps N] [--device D] [--seed S]";

    /// <inheritdoc />
    public int Run(CommandArgs args, TextWriter stdout, TextWriter stderr)
    {
        bool json = args.Flag("json");
        int batch = args.Int("batch", 32), steps = args.Int("steps", 4), seed = args.Int("seed", 0);
        string? device = args.Option("device");
        args.EnsureAllUsed();
        if (batch < 1 || steps < 1)
        {
            throw new UsageException("--batch and --steps must be at least 1");
        }
        BenchmarkReport report = TrainBenchmark.Run(batch, steps, device, seed);
        foreach (string line in report.Lines(json))
        {
            stdout.WriteLine(line);
        }
        return 0;
    }
}
