using System.Globalization;
using EcgXai.Datasets;
using EcgXai.IO;
using EcgXai.Models;
using EcgXai.Signals;
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
        "  --high-pass HZ   baseline high-pass cut-off in preprocessing (default none)\n" +
        "  --leads L        comma-separated input leads (default: the preset's 12)  --classes C  comma-separated classes\n" +
        "  --record-seconds S  records up to S s: train on a random model-input window per epoch, validate on the mean over windows\n" +
        "  --class-weights W   none (default) or balanced: positives weigh negatives/positives (at most 20)\n" +
        "  --filters F,...  channels of the stem and each unit (as many as the preset's lengths)   --kernel K  odd kernel size";

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
            config = config with
            {
                LeadNames = args.Option("leads") is { } leads ? LeadNames.ParseList(leads) : config.LeadNames,
                ClassNames = args.Option("classes") is { } names ? names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : config.ClassNames,
                Filters = args.Option("filters") is { } filters ? filters.Split(',').Select(f => int.Parse(f, CultureInfo.InvariantCulture)).ToArray() : config.Filters,
                KernelSize = args.Int("kernel", config.KernelSize),
            };
            config.Validate();
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
            BalanceClasses = (args.Option("class-weights") ?? "none") switch
            {
                "none" => false,
                "balanced" => true,
                string other => throw new UsageException($"--class-weights must be none or balanced, got '{other}'"),
            },
        };
        int? recordLength = args.Option("record-seconds") is null ? null : (int)Math.Ceiling(args.Double("record-seconds", 0) * config.SampleRate);
        string? highPass = args.Option("high-pass");
        return new TrainingJob(specs, config, args.Required("out"), options)
        {
            CacheDirectory = args.Option("cache"),
            HighPassHz = highPass is null ? null : args.Double("high-pass", 0),
            RecordLength = recordLength,
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
