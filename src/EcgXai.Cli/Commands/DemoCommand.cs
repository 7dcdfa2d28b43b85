using EcgXai.Demo;
using EcgXai.IO;

namespace EcgXai.Cli.Commands;

/// <summary><c>ecgxai demo [--out DIR] ...</c>: the whole pipeline on built-in synthetic data.</summary>
public sealed class DemoCommand : ICommand
{
    /// <inheritdoc />
    public string Name => "demo";

    /// <inheritdoc />
    public string Summary => "end to end on built-in synthetic data: synth, cohort, train teacher, distil student, evaluate, rank AF concepts";

    /// <inheritdoc />
    public string Usage =>
        $"ecgxai demo [--out DIR ({Defaults.OutDirectory})] [--seed S ({Defaults.Seed})] [--records N ({Defaults.TrainRecords})] " +
        $"[--shift-records N ({Defaults.ShiftRecords})] [--epochs N ({Defaults.Epochs})] [--batch N ({Defaults.BatchSize})] [--device auto|cpu|cuda]";

    private static DemoOptions Defaults { get; } = new("runs/demo");

    /// <inheritdoc />
    public int Run(CommandArgs args, TextWriter stdout, TextWriter stderr)
    {
        var options = new DemoOptions(args.Option("out") ?? Defaults.OutDirectory)
        {
            Seed = args.Int("seed", Defaults.Seed),
            TrainRecords = args.Int("records", Defaults.TrainRecords),
            ShiftRecords = args.Int("shift-records", Defaults.ShiftRecords),
            Epochs = args.Int("epochs", Defaults.Epochs),
            BatchSize = args.Int("batch", Defaults.BatchSize),
            Device = args.Option("device"),
        };
        args.EnsureAllUsed();
        var progress = new SynchronousProgress<DemoProgress>(p => stderr.WriteLine($"[{p.Stage}] {p.Message}"));
        DemoResult result = DemoPipeline.Run(options, progress);
        stdout.WriteLine($"teacher (eval/teacher):\n{result.Teacher.FormatTable()}");
        stdout.WriteLine($"student (eval/student):\n{result.Student.FormatTable()}");
        stdout.WriteLine($"AF concepts ranked over {result.AfConcepts[0].Records} AF records: {Path.Combine(result.OutDirectory, "explain", "concepts", "statistics.csv")}");
        stdout.WriteLine($"run folder: {result.OutDirectory}");
        return 0;
    }
}
