using EcgXai.Models;
using EcgXai.Training;

namespace EcgXai.Cli.Commands;

/// <summary><c>ecgxai distill</c>: trains a student on a teacher's cached soft outputs and the labels.</summary>
public sealed class DistillCommand : ICommand
{
    /// <inheritdoc />
    public string Name => "distill";

    /// <inheritdoc />
    public string Summary => "distil a teacher (EcgXai checkpoint or ONNX) into a ResNet1d student";

    /// <inheritdoc />
    public string Usage => "ecgxai distill --teacher T --data SPEC... --out DIR [--preset P] [--alpha A] [--temperature T] [train options]\n" +
        "  --teacher T            EcgXai checkpoint (.safetensors) or ONNX model\n" +
        "  --alpha A              weight of the teacher term (default 0.5)\n" +
        "  --temperature T        temperature tau (default 2)\n" +
        "  --teacher-output K     logits|probabilities: what an ONNX teacher emits (default logits)\n" +
        "  --teacher-classes L    comma-separated label names of the teacher's outputs\n" +
        "  --teacher-rate HZ      sampling rate of the teacher's input (default: the checkpoint's; required for ONNX)\n" +
        TrainingArgs.Usage;

    /// <inheritdoc />
    public int Run(CommandArgs args, TextWriter stdout, TextWriter stderr)
    {
        var job = TrainingArgs.Parse(args);
        var defaults = new DistillationOptions();
        var distillation = new DistillationOptions(args.Double("alpha", defaults.Alpha), args.Double("temperature", defaults.Temperature));
        TeacherOutput output = args.Option("teacher-output") switch
        {
            null or "logits" => TeacherOutput.Logits,
            "probabilities" => TeacherOutput.Probabilities,
            string other => throw new UsageException($"--teacher-output must be logits or probabilities, got '{other}'"),
        };
        string? classes = args.Option("teacher-classes");
        var teacherOptions = new TeacherOptions(output, classes is null ? null : classes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        double? rate = args.Option("teacher-rate") is null ? null : args.Double("teacher-rate", 0);
        job = job with { Teacher = new TeacherJob(args.Required("teacher"), teacherOptions, distillation, rate) };
        args.EnsureAllUsed();
        return TrainingArgs.Run(job, stdout, stderr);
    }
}
