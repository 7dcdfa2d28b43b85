using System.CommandLine;
using System.Globalization;
using EcgXai.Datasets;
using EcgXai.Models;
using EcgXai.Signals;
using EcgXai.Training;

namespace EcgXai.Cli.Commands;

/// <summary>The options <c>train</c> and <c>distill</c> share, read into a <see cref="TrainingJob"/>, and the run with progress.</summary>
public sealed class TrainingOptionSet
{
    private static readonly TrainingOptions Defaults = new();

    private readonly Option<string[]> data = SharedOptions.Data(splitAllowed: false);
    private readonly Option<string> output = SharedOptions.Out("run folder (config.json, data/, models/best.safetensors); an unfinished run there is resumed", required: true);
    private readonly Option<string> preset = SharedOptions.Choice("--preset", "compact", ["compact", "ribeiro"], "model preset");
    private readonly Option<int> epochs = SharedOptions.Int("--epochs", Defaults.Epochs, 1, "maximum epochs");
    private readonly Option<int> batch = SharedOptions.Batch(Defaults.BatchSize);
    private readonly Option<double> learningRate = SharedOptions.Double("--lr", Defaults.LearningRate, 0, "Adam learning rate");
    private readonly Option<int> seed = SharedOptions.Seed(Defaults.Seed);
    private readonly Option<int> patience = SharedOptions.Int("--patience", Defaults.EarlyStoppingPatience, 1, "early-stopping patience in epochs on validation macro AUROC");
    private readonly Option<string> device = SharedOptions.Device();
    private readonly Option<string?> cache = SharedOptions.Cache();
    private readonly Option<double?> highPass = SharedOptions.OptionalDouble("--high-pass", 0, "baseline high-pass cut-off in preprocessing, Hz (default none); stored in the model, so evaluate, explain and the analyses apply it too");
    private readonly Option<string[]?> leads = SharedOptions.CommaList("--leads", "NAMES", "input leads, in order (default: the preset's 12 standard leads)");
    private readonly Option<string[]?> classes = SharedOptions.CommaList("--classes", "NAMES", "output classes (default: 1dAVb,RBBB,LBBB,SB,AF,ST)");
    private readonly Option<string[]?> filters = SharedOptions.CommaList("--filters", "N,...", "channels of the stem and of each unit, one per preset length (default: the preset's)");
    private readonly Option<int?> kernel = new("--kernel") { Description = "odd convolution kernel size (default: the preset's)", HelpName = "K" };
    private readonly Option<double?> recordSeconds = SharedOptions.OptionalDouble("--record-seconds", 0,
        "records up to this many seconds: train on a random model-input window per record and epoch, validate on the mean over windows (default: cut to the input)");
    private readonly Option<string> classWeights = SharedOptions.Choice("--class-weights", "none", ["none", "balanced"],
        "balanced: each class's positives weigh negatives/positives of the training records (at most 20)");

    private readonly Option<string> fillMissingLeads = SharedOptions.FillMissingLeads();

    private readonly Option<string?> select = new("--select") { Description = "class whose validation AUROC selects the best epoch and drives early stopping (default: macro AUROC)", HelpName = "CLASS" };

    /// <summary>Every option, to add to a verb.</summary>
    public IEnumerable<Option> All => [data, output, preset, epochs, batch, learningRate, seed, patience, device, cache, highPass, leads, classes, filters, kernel, recordSeconds, classWeights, fillMissingLeads, select];

    /// <summary>Reads the options into a job without a teacher.</summary>
    public TrainingJob Read(ParseResult parse)
    {
        ResNet1dConfig preset = ResNet1dConfig.FromPreset(parse.GetRequiredValue(this.preset));
        ResNet1dConfig config = preset with
        {
            LeadNames = SharedOptions.NullIfEmpty(parse.GetValue(leads)) is { } l ? LeadNames.ParseList(string.Join(",", l)) : preset.LeadNames,
            ClassNames = SharedOptions.NullIfEmpty(parse.GetValue(classes)) ?? preset.ClassNames,
            Filters = SharedOptions.NullIfEmpty(parse.GetValue(filters)) is { } f ? f.Select(Channels).ToArray() : preset.Filters,
            KernelSize = parse.GetValue(kernel) ?? preset.KernelSize,
        };
        try
        {
            config.Validate();
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
        double? seconds = parse.GetValue(recordSeconds);
        return new(SharedOptions.RequireExisting(parse.GetRequiredValue(data)), config, parse.GetRequiredValue(output), new TrainingOptions
        {
            Epochs = parse.GetValue(epochs),
            BatchSize = parse.GetValue(batch),
            LearningRate = parse.GetValue(learningRate),
            Seed = parse.GetValue(seed),
            EarlyStoppingPatience = parse.GetValue(patience),
            Device = parse.GetValue(device),
            BalanceClasses = parse.GetRequiredValue(classWeights) == "balanced",
            SelectionClass = parse.GetValue(select),
        })
        {
            CacheDirectory = parse.GetValue(cache),
            HighPassHz = parse.GetValue(highPass),
            RecordLength = seconds is { } s ? (int)Math.Ceiling(s * config.SampleRate) : null,
            MissingLeads = SharedOptions.MissingLeads(parse.GetRequiredValue(fillMissingLeads)),
        };
    }

    private static int Channels(string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : throw new UsageException($"--filters expects positive integers, got '{text}'");

    /// <summary>Runs <paramref name="job"/> with one bar per data stage and one for training (epoch, loss, validation AUROC), then prints the outcome.</summary>
    public static int Run(TrainingJob job, VerbContext context)
    {
        job.Options.Validate();
        TrainingResult result = context.WithProgress(display =>
        {
            double? lastAuroc = null;
            var training = display.For<TrainingProgress>((d, p) =>
            {
                lastAuroc = p.ValidationMacroAuroc ?? lastAuroc;
                string auroc = lastAuroc is { } a ? FormattableString.Invariant($", val AUROC {a:F3}") : "";
                d.Report("train", (p.Epoch - 1) * (double)p.Steps + p.Step, p.Epochs * (double)p.Steps,
                    FormattableString.Invariant($"epoch {p.Epoch}/{p.Epochs}, loss {p.Loss:F4}{auroc}, {p.SamplesPerSecond:F0} samples/s"));
                if (p.ValidationMacroAuroc is { } v)
                {
                    d.Log(FormattableString.Invariant($"epoch {p.Epoch}/{p.Epochs}: loss {p.Loss:F4}, validation macro AUROC {v:F4}"));
                }
            });
            var data = display.For<DatasetProgress>((d, p) => d.Report("data " + p.Stage, p.Completed, p.Total));
            return TrainingPipeline.Run(job, training, data, context.Cancellation);
        });
        context.Out.WriteLine($"best epoch {result.BestEpoch}: validation macro AUROC {result.BestValidationMacroAuroc.ToString("F4", CultureInfo.InvariantCulture)}" +
            (result.StoppedEarly ? " (stopped early)" : ""));
        context.Out.WriteLine($"model: {result.BestModelPath}");
        return ExitCodes.Success;
    }
}
