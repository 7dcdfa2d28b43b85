using System.CommandLine;
using EcgXai.IO;
using EcgXai.Models;
using EcgXai.Training;

namespace EcgXai.Cli.Commands;

/// <summary><c>ecgxai distill</c>: trains a student on a teacher's cached soft outputs and the labels.</summary>
public sealed class DistillCommand : Verb<TrainingJob>
{
    private static readonly DistillationOptions Defaults = new();

    private readonly TrainingOptionSet training = new();
    private readonly Option<string> teacher;
    private readonly Option<double> alpha;
    private readonly Option<double> temperature;
    private readonly Option<string> teacherOutput;
    private readonly Option<string[]?> teacherClasses;
    private readonly Option<double?> teacherRate;

    /// <summary>Declares the options.</summary>
    public DistillCommand()
        : base("distill", "distil a teacher (EcgXai checkpoint or ONNX) into a ResNet1d student",
            "ecgxai distill --teacher runs/teacher/models/best.safetensors --data ptbxl:/data/ptb-xl --out runs/student")
    {
        teacher = Use(new Option<string>("--teacher") { Description = "EcgXai checkpoint (.safetensors) or ONNX model", HelpName = "FILE", Required = true });
        alpha = Use(SharedOptions.Double("--alpha", Defaults.Alpha, 0, "weight of the teacher term, in [0, 1]", exclusive: false, maximum: 1));
        temperature = Use(SharedOptions.Double("--temperature", Defaults.Temperature, 0, "distillation temperature tau"));
        teacherOutput = Use(SharedOptions.Choice("--teacher-output", "logits", ["logits", "probabilities"], "what an ONNX teacher emits"));
        teacherClasses = Use(SharedOptions.CommaList("--teacher-classes", "NAMES", "comma-separated label names of the teacher's outputs"));
        teacherRate = Use(SharedOptions.OptionalDouble("--teacher-rate", 0, "sampling rate of the teacher's input, Hz (default: the checkpoint's; required for ONNX)"));
        foreach (Option option in training.All)
        {
            Use(option);
        }
    }

    /// <inheritdoc />
    protected override TrainingJob Read(ParseResult parse)
    {
        string path = parse.GetRequiredValue(teacher);
        if (!File.Exists(path))
        {
            throw new EcgXaiException(path, "teacher not found");
        }
        var output = parse.GetRequiredValue(teacherOutput) == "probabilities" ? TeacherOutput.Probabilities : TeacherOutput.Logits;
        var distillation = new DistillationOptions(parse.GetValue(alpha), parse.GetValue(temperature));
        return training.Read(parse) with
        {
            Teacher = new TeacherJob(path, new TeacherOptions(output, SharedOptions.NullIfEmpty(parse.GetValue(teacherClasses))), distillation, parse.GetValue(teacherRate)),
        };
    }

    /// <inheritdoc />
    protected override string? OutputFolder(TrainingJob options) => options.OutDirectory;

    /// <inheritdoc />
    protected override int Execute(TrainingJob options, VerbContext context) => TrainingOptionSet.Run(options, context);
}
