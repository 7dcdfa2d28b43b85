using System.Globalization;
using EcgXai.Datasets;
using EcgXai.IO;
using EcgXai.Models;
using EcgXai.Training;

namespace EcgXai.Cli.Commands;

/// <summary>The options <c>train</c> and <c>distill</c> share, their parsing, and the run with progress on stderr.</summary>
public static class TrainingArgs
{
    /// <summary>Usage lines of the shared options.</summary>
    public const string Usage =
        "  --data SPEC      dataset KIND:PATH without split, repeatable; trains on SPEC@train, validates on SPEC@val\n" +
        "  --preset P       model preset: compact (default) or ribeiro\n" +
        "  --out DIR        run folder (config.json, data/, models/); an unfinished run there is resumed\n" +
        "  --epochs N       maximum epochs (default 30)      --batch N   batch size (default 32)\n" +
        "  --lr X           Adam learning rate (default 1e-3) --seed S   seed (default 0)\n" +
        "  --patience N     early-stopping patience in epochs on validation macro AUROC (default 6)\n" +
        "  --device D       auto (default), cpu, cuda, cuda:N\n" +
        "  --cache DIR      tensor cache folder (default $ECGXAI_CACHE or ~/.cache/ecgxai)\n" +
        "  --high-pass HZ   baseline high-pass cut-off in preprocessing (default none)";

    /// <summary>Reads the shared options into a job without a teacher.</summary>
    public static TrainingJob Parse(CommandArgs args)
    {
        string[] specs = args.Options("data").SelectMany(v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        if (specs.Length == 0)
        {
            throw new UsageException("option --data is required");
        }
        ResNet1dConfig config;
        try
        {
            config = ResNet1dConfig.FromPreset(args.Option("preset") ?? "compact");
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
        var defaults = new TrainingOptions();
        var options = new TrainingOptions
        {
            Epochs = args.Int("epochs", defaults.Epochs),
            BatchSize = args.Int("batch", defaults.BatchSize),
            LearningRate = args.Double("lr", defaults.LearningRate),
            Seed = args.Int("seed", defaults.Seed),
            EarlyStoppingPatience = args.Int("patience", defaults.EarlyStoppingPatience),
            Device = args.Option("device"),
        };
        string? highPass = args.Option("high-pass");
        return new TrainingJob(specs, config, args.Required("out"), options)
        {
            CacheDirectory = args.Option("cache"),
            HighPassHz = highPass is null ? null : args.Double("high-pass", 0),
        };
    }

    /// <summary>Runs <paramref name="job"/>, printing progress to <paramref name="stderr"/> and the outcome to <paramref name="stdout"/>.</summary>
    public static int Run(TrainingJob job, TextWriter stdout, TextWriter stderr)
    {
        var progress = new SynchronousProgress<TrainingProgress>(p => stderr.WriteLine(Format(p)));
        int lastPercent = -1;
        var dataProgress = new SynchronousProgress<DatasetProgress>(p =>
        {
            int percent = p.Total == 0 ? 100 : (int)(100L * p.Completed / p.Total);
            if (percent / 25 != lastPercent / 25 || p.Completed == p.Total)
            {
                stderr.WriteLine($"data {p.Stage}: {p.Completed}/{p.Total}");
            }
            lastPercent = percent;
        });
        TrainingResult result = TrainingPipeline.Run(job, progress, dataProgress);
        stdout.WriteLine($"best epoch {result.BestEpoch}: validation macro AUROC {result.BestValidationMacroAuroc.ToString("F4", CultureInfo.InvariantCulture)}" +
            (result.StoppedEarly ? " (stopped early)" : ""));
        stdout.WriteLine($"model: {result.BestModelPath}");
        return 0;
    }

    private static string Format(TrainingProgress p)
    {
        var text = FormattableString.Invariant($"epoch {p.Epoch}/{p.Epochs} step {p.Step}/{p.Steps} loss {p.Loss:F4} {p.SamplesPerSecond:F1} samples/s data wait {p.DataWaitShare:P1}");
        if (p.ValidationMacroAuroc is { } auroc)
        {
            text += FormattableString.Invariant($" val macro AUROC {auroc:F4}");
        }
        if (p.Eta is { } eta)
        {
            text += $" ETA {(int)eta.TotalHours}:{eta.Minutes:D2}:{eta.Seconds:D2}";
        }
        return text;
    }
}
