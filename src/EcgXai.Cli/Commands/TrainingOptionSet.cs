using System.CommandLine;
using System.Globalization;
using EcgXai.Datasets;
using EcgXai.Models;
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
    private readonly Option<double?> highPass = SharedOptions.OptionalDouble("--high-pass", 0, "baseline high-pass cut-off in preprocessing, Hz (default none)");

    /// <summary>Every option, to add to a verb.</summary>
    public IEnumerable<Option> All => [data, output, preset, epochs, batch, learningRate, seed, patience, device, cache, highPass];

    /// <summary>Reads the options into a job without a teacher.</summary>
    public TrainingJob Read(ParseResult parse) =>
        new(SharedOptions.RequireExisting(parse.GetRequiredValue(data)), ResNet1dConfig.FromPreset(parse.GetRequiredValue(preset)), parse.GetRequiredValue(output), new TrainingOptions
        {
            Epochs = parse.GetValue(epochs),
            BatchSize = parse.GetValue(batch),
            LearningRate = parse.GetValue(learningRate),
            Seed = parse.GetValue(seed),
            EarlyStoppingPatience = parse.GetValue(patience),
            Device = parse.GetValue(device),
        })
        {
            CacheDirectory = parse.GetValue(cache),
            HighPassHz = parse.GetValue(highPass),
        };

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
