using System.CommandLine;
using EcgXai.Demo;
using EcgXai.Synthesis;

namespace EcgXai.Cli.Commands;

/// <summary><c>ecgxai demo [--out DIR] [--quick|--full] ...</c>: the whole pipeline on built-in synthetic data.</summary>
public sealed class DemoCommand : Verb<DemoOptions>
{
    private static readonly DemoOptions Defaults = new("runs/demo");

    private readonly Option<string> output = SharedOptions.Out("run folder; an existing one resumes (finished stages are not recomputed)", Defaults.OutDirectory);
    private readonly Option<bool> quick = new("--quick") { Description = $"the smallest run that exercises every stage ({DemoOptions.Quick("").TrainRecords} + {DemoOptions.Quick("").ShiftRecords} records, 1 epoch; tests and CI)" };
    private readonly Option<bool> full = new("--full") { Description = $"the larger run ({DemoOptions.Full("").TrainRecords} + {DemoOptions.Full("").ShiftRecords} records, {DemoOptions.Full("").Epochs} epochs)" };
    private readonly Option<string> preset = SharedOptions.Choice("--preset", Defaults.Preset, SynthesisSettings.PresetNames, "synthesis preset of the training set");
    private readonly Option<string> teacher = SharedOptions.Choice("--teacher", Defaults.Teacher, ["compact", "ribeiro"], "teacher model preset (the student is compact)");
    private readonly Option<int> seed = SharedOptions.Seed(Defaults.Seed);
    private readonly Option<int?> records = new("--records") { Description = $"records of the synthetic PTB-XL-layout training set (default {Defaults.TrainRecords})", HelpName = "N" };
    private readonly Option<int?> shiftRecords = new("--shift-records") { Description = $"records of the synthetic CPSC-layout shift set (default {Defaults.ShiftRecords})", HelpName = "N" };
    private readonly Option<int?> epochs = new("--epochs") { Description = $"maximum training epochs of teacher and student (default {Defaults.Epochs})", HelpName = "N" };
    private readonly Option<int> batch = SharedOptions.Batch(Defaults.BatchSize);
    private readonly Option<string> device = SharedOptions.Device();
    private readonly Option<bool> real = new("--real")
    {
        Description = "the analysis on real ECGs instead: the shipped 12-lead AF student (--model) on PTB-XL fold 10 and the real CPSC-2018 records under --real-data (nothing is trained)",
    };
    private readonly Option<string> realData = new("--real-data") { Description = "shared data folder of --real", DefaultValueFactory = _ => Path.Combine("..", "shared", "data"), HelpName = "DIR" };
    private readonly Option<string> realModel = new("--model") { Description = "model of --real", DefaultValueFactory = _ => Defaults.RealModel, HelpName = "FILE" };

    /// <summary>Declares the options.</summary>
    public DemoCommand()
        : base("demo", "end to end on built-in synthetic data: synth, cohort, train teacher, distil student, evaluate in and out of distribution, SRG, pruning, AF concepts, atlas",
            "ecgxai demo --out runs/demo")
    {
        foreach (Option option in new Option[] { output, quick, full, preset, teacher, seed, records, shiftRecords, epochs, batch, device, real, realData, realModel })
        {
            Use(option);
        }
    }

    /// <inheritdoc />
    protected override DemoOptions Read(ParseResult parse)
    {
        string folder = parse.GetValue(real) && parse.GetResult(output) is null or { Implicit: true } ? Path.Combine("runs", "demo-real") : parse.GetRequiredValue(output);
        if (parse.GetValue(quick) && parse.GetValue(full))
        {
            throw new UsageException("--quick and --full exclude each other");
        }
        if (parse.GetValue(real) && (parse.GetValue(quick) || parse.GetValue(full)))
        {
            throw new UsageException("--real runs one size; it excludes --quick and --full");
        }
        DemoOptions size = parse.GetValue(real) ? DemoOptions.Real(folder, parse.GetRequiredValue(realData)) with { RealModel = parse.GetRequiredValue(realModel) }
            : parse.GetValue(quick) ? DemoOptions.Quick(folder) : parse.GetValue(full) ? DemoOptions.Full(folder) : new DemoOptions(folder);
        var options = size with
        {
            Seed = parse.GetValue(seed),
            TrainRecords = parse.GetValue(records) ?? size.TrainRecords,
            ShiftRecords = parse.GetValue(shiftRecords) ?? size.ShiftRecords,
            Epochs = parse.GetValue(epochs) ?? size.Epochs,
            BatchSize = parse.GetResult(batch) is { Implicit: false } ? parse.GetValue(batch) : size.BatchSize,
            Preset = parse.GetRequiredValue(preset),
            Teacher = parse.GetRequiredValue(teacher),
            Device = parse.GetValue(device),
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
        return options;
    }

    /// <inheritdoc />
    protected override string? OutputFolder(DemoOptions options) => options.OutDirectory;

    /// <inheritdoc />
    protected override int Execute(DemoOptions options, VerbContext context)
    {
        DemoResult result = context.WithProgress(display =>
            DemoPipeline.Run(options, display.For<DemoProgress>((d, p) => d.Log($"[{p.Stage}] {p.Message}")), context.Cancellation));
        if (result.Teacher is { } teacherEval)
        {
            context.Out.WriteLine($"teacher (eval/teacher):\n{teacherEval.FormatTable()}");
        }
        context.Out.WriteLine($"student (eval/student):\n{result.Student.FormatTable()}");
        foreach (string line in result.Summary())
        {
            context.Out.WriteLine(line);
        }
        context.Out.WriteLine($"run folder: {result.OutDirectory}");
        return ExitCodes.Success;
    }
}
