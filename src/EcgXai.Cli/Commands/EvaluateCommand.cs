using EcgXai.Training.Metrics;
using System.CommandLine;
using EcgXai.Eval;
using EcgXai.Signals;

namespace EcgXai.Cli.Commands;

/// <summary><c>ecgxai evaluate</c>: per-class AUROC with bootstrap CIs, thresholded metrics, ROC curves and predictions of a checkpoint on datasets.</summary>
public sealed class EvaluateCommand : Verb<EvaluateOptions>
{
    private readonly Option<string> model = SharedOptions.Model();
    private readonly Option<string[]> data = SharedOptions.Data(splitAllowed: true);
    private readonly Option<string[]?> leads = SharedOptions.CommaList("--leads", "NAMES", "comma-separated data leads fed to the model's inputs, in order (default: the model's lead names)");
    private readonly Option<string?> target = new("--target") { Description = "evaluate only this class (default: every class of the model)", HelpName = "CLASS" };
    private readonly Option<string?> output = new("--out") { Description = "run folder: outputs go to DIR/eval/ (default: the model's run folder)", HelpName = "DIR" };
    private readonly Option<string?> name = new("--name") { Description = "write into DIR/eval/NAME/ (several models evaluated into one run folder, e.g. teacher and student)", HelpName = "NAME" };
    private readonly Option<int> bootstrap = SharedOptions.Int("--bootstrap", Bootstrap.DefaultResamples, 1, "bootstrap resamples for the AUROC 95% CI");
    private readonly Option<int> seed = SharedOptions.Seed(0, "bootstrap seed");
    private readonly Option<int> batch = SharedOptions.Batch(64, "inference batch size");
    private readonly Option<string> device = SharedOptions.Device();
    private readonly Option<string?> cache = SharedOptions.Cache();
    private readonly Option<double?> recordSeconds = SharedOptions.OptionalDouble("--record-seconds", 0,
        "score records up to this many seconds by the mean of model-input windows (default: as the model was validated)");

    private readonly Option<string?> compare = new("--compare")
    {
        Description = "another checkpoint (e.g. the teacher) scored on the same data; every class is compared on the records both scored by a paired bootstrap of the AUROC difference (comparison.csv)",
        HelpName = "MODEL",
    };
    private readonly Option<string> fillMissingLeads = SharedOptions.FillMissingLeads();

    /// <summary>Declares the options.</summary>
    public EvaluateCommand()
        : base("evaluate", "per-class AUROC with 95% CIs, Se/Sp/F1, ROC curves and predictions of a model on datasets, side by side",
            "ecgxai evaluate --model runs/teacher/models/best.safetensors --data ptbxl:/data/ptb-xl@test --data cpsc2018:/data/cpsc2018 --out runs/teacher")
    {
        foreach (Option option in new Option[] { model, data, leads, target, output, name, bootstrap, seed, batch, device, cache, recordSeconds, fillMissingLeads, compare })
        {
            Use(option);
        }
    }

    /// <inheritdoc />
    protected override EvaluateOptions Read(ParseResult parse) => new(parse.GetRequiredValue(model), SharedOptions.RequireExisting(parse.GetRequiredValue(data)))
    {
        Leads = SharedOptions.NullIfEmpty(parse.GetValue(leads)) is { } names ? LeadNames.ParseList(string.Join(",", names)) : null,
        Target = parse.GetValue(target),
        OutDirectory = parse.GetValue(output),
        Name = parse.GetValue(name),
        BootstrapResamples = parse.GetValue(bootstrap),
        Seed = parse.GetValue(seed),
        BatchSize = parse.GetValue(batch),
        Device = parse.GetValue(device),
        CacheDirectory = parse.GetValue(cache),
        RecordSeconds = parse.GetValue(recordSeconds),
        CompareModelPath = parse.GetValue(compare),
        MissingLeads = SharedOptions.MissingLeads(parse.GetRequiredValue(fillMissingLeads)),
    };

    /// <inheritdoc />
    protected override string? OutputFolder(EvaluateOptions options) => options.OutDirectory;

    /// <inheritdoc />
    protected override int Execute(EvaluateOptions options, VerbContext context)
    {
        EvaluationReport report = context.WithProgress(display =>
            Evaluation.Run(options, display.For<EvaluationProgress>((d, p) => d.Report($"{p.Stage} {p.Dataset}", p.Completed, p.Total)), context.Cancellation));
        context.Out.Write(report.FormatTable());
        context.Out.WriteLine($"written to {report.OutputDirectory}");
        return ExitCodes.Success;
    }
}
