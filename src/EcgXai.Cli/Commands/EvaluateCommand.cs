using EcgXai.Eval;
using EcgXai.IO;
using EcgXai.Signals;

namespace EcgXai.Cli.Commands;

/// <summary><c>ecgxai evaluate</c>: per-class AUROC with bootstrap CIs, thresholded metrics, ROC curves and predictions of a checkpoint on datasets.</summary>
public sealed class EvaluateCommand : ICommand
{
    /// <inheritdoc />
    public string Name => "evaluate";

    /// <inheritdoc />
    public string Summary => "per-class AUROC with 95% CIs, Se/Sp/F1, ROC curves and predictions of a model on datasets, side by side";

    /// <inheritdoc />
    public string Usage =>
        "ecgxai evaluate --model M --data SPEC... [--leads NAMES] [--target C] [--out DIR] [--bootstrap N] [--seed S] [--batch N] [--device D]\n" +
        "  --model M       checkpoint (.safetensors, or .pt/.pth with config.json beside it)\n" +
        "  --data SPEC     dataset KIND:PATH[@SPLIT], repeatable (or several separated by spaces)\n" +
        "  --leads NAMES   comma-separated data leads fed to the model's inputs, in order (default: the model's lead_names)\n" +
        "  --target C      evaluate only class C (default: every class of the model)\n" +
        "  --out DIR       outputs go to DIR/eval/ (default: the model's run folder)\n" +
        "  --bootstrap N   bootstrap resamples for the AUROC 95% CI (default 1000)\n" +
        "  --seed S        bootstrap seed (default 0)\n" +
        "  --record-seconds S  score records up to S s by the mean over model-input windows (default: as the model was validated)";

    /// <inheritdoc />
    public int Run(CommandArgs args, TextWriter stdout, TextWriter stderr)
    {
        string[] specs = args.Options("data").SelectMany(v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        var options = new EvaluateOptions(args.Required("model"), specs.Length > 0 ? specs : throw new UsageException("option --data is required"))
        {
            Leads = args.Option("leads") is { } leads ? LeadNames.ParseList(leads) : null,
            Target = args.Option("target"),
            RecordSeconds = args.Option("record-seconds") is null ? null : args.Double("record-seconds", 0),
            OutDirectory = args.Option("out"),
            BootstrapResamples = args.Int("bootstrap", Training.Metrics.Bootstrap.DefaultResamples),
            Seed = args.Int("seed", 0),
            BatchSize = args.Int("batch", 64),
            Device = args.Option("device"),
        };
        args.EnsureAllUsed();
        var progress = new SynchronousProgress<EvaluationProgress>(p =>
        {
            if (p.Completed == p.Total)
            {
                stderr.WriteLine($"{p.Stage} {p.Dataset}: {p.Completed}/{p.Total}");
            }
        });
        EvaluationReport report = Evaluation.Run(options, progress);
        stdout.Write(report.FormatTable());
        stdout.WriteLine($"written to {report.OutputDirectory}");
        return 0;
    }
}
