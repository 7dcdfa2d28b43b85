using System.CommandLine;
using EcgXai.Demo;

namespace EcgXai.Cli.Commands;

/// <summary><c>ecgxai demo [--out DIR] ...</c>: the whole pipeline on built-in synthetic data.</summary>
public sealed class DemoCommand : Verb<DemoOptions>
{
    private static readonly DemoOptions Defaults = new("runs/demo");

    private readonly Option<string> output = SharedOptions.Out("run folder; an existing one resumes (finished stages are not recomputed)", Defaults.OutDirectory);
    private readonly Option<int> seed = SharedOptions.Seed(Defaults.Seed);
    private readonly Option<int> records = SharedOptions.Int("--records", Defaults.TrainRecords, 100, "records of the synthetic PTB-XL-layout training set");
    private readonly Option<int> shiftRecords = SharedOptions.Int("--shift-records", Defaults.ShiftRecords, 20, "records of the synthetic CPSC-layout shift set");
    private readonly Option<int> epochs = SharedOptions.Int("--epochs", Defaults.Epochs, 1, "maximum training epochs of teacher and student");
    private readonly Option<int> batch = SharedOptions.Batch(Defaults.BatchSize);
    private readonly Option<string> device = SharedOptions.Device();

    /// <summary>Declares the options.</summary>
    public DemoCommand()
        : base("demo", "end to end on built-in synthetic data: synth, cohort, train teacher, distil student, evaluate, rank AF concepts",
            "ecgxai demo --out runs/demo")
    {
        foreach (Option option in new Option[] { output, seed, records, shiftRecords, epochs, batch, device })
        {
            Use(option);
        }
    }

    /// <inheritdoc />
    protected override DemoOptions Read(ParseResult parse) => new(parse.GetRequiredValue(output))
    {
        Seed = parse.GetValue(seed),
        TrainRecords = parse.GetValue(records),
        ShiftRecords = parse.GetValue(shiftRecords),
        Epochs = parse.GetValue(epochs),
        BatchSize = parse.GetValue(batch),
        Device = parse.GetValue(device),
    };

    /// <inheritdoc />
    protected override string? OutputFolder(DemoOptions options) => options.OutDirectory;

    /// <inheritdoc />
    protected override int Execute(DemoOptions options, VerbContext context)
    {
        DemoResult result = context.WithProgress(display =>
            DemoPipeline.Run(options, display.For<DemoProgress>((d, p) => d.Log($"[{p.Stage}] {p.Message}")), context.Cancellation));
        context.Out.WriteLine($"teacher (eval/teacher):\n{result.Teacher.FormatTable()}");
        context.Out.WriteLine($"student (eval/student):\n{result.Student.FormatTable()}");
        context.Out.WriteLine($"AF concepts ranked over {result.AfConcepts[0].Records} AF records: {Path.Combine(result.OutDirectory, "explain", "concepts", "statistics.csv")}");
        context.Out.WriteLine($"run folder: {result.OutDirectory}");
        return ExitCodes.Success;
    }
}
