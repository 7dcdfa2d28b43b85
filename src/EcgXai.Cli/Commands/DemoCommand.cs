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
    public string Usage => "ecgxai demo [--out DIR (runs/demo)] [--seed S] [--records N (2400)] [--shift-records N (600)] [--epochs N (6)] [--batch N (32)] [--device auto|cpu|cuda]";

    /// <inheritdoc />
    public int Run(CommandArgs args, TextWriter stdout, TextWriter stderr)
    {
        var defaults = new DemoOptions("runs/demo");
        var options = new DemoOptions(args.Option("out") ?? defaults.OutDirectory)
        {
            Seed = args.Int("seed", defaults.Seed),
            TrainRecords = args.Int("records", defaults.TrainRecords),
            ShiftRecords = args.Int("shift-records", defaults.ShiftRecords),
            Epochs = args.Int("epochs", defaults.Epochs),
            BatchSize = args.Int("batch", defaults.BatchSize),
            Device = args.Option("device"),
        };
        args.EnsureAllUsed();
        var progress = new SynchronousProgress<DemoProgress>(p => stderr.WriteLine($"[{p.Stage}] {p.Message}"));
        DemoResult result = DemoPipeline.Run(options, progress);
        stdout.WriteLine($"teacher (eval/teacher):\n{result.Teacher.FormatTable()}");
        stdout.WriteLine($"student (eval/student):\n{result.Student.FormatTable()}");
        stdout.WriteLine($"AF concepts ranked over {result.AfConcepts.Records} AF records: {Path.Combine(result.OutDirectory, "explain", "af_concepts.csv")}");
        stdout.WriteLine($"run folder: {result.OutDirectory}");
        return 0;
    }
}
