using System.Diagnostics.CodeAnalysis;
using EcgXai.Datasets;
using EcgXai.IO;
using EcgXai.Models;
using EcgXai.Training;
using EcgXai.Training.Metrics;
using static TorchSharp.torch;

namespace EcgXai.Eval;

/// <summary>
/// Evaluates a checkpoint on datasets: per-class AUROC (exact Mann–Whitney) with percentile bootstrap 95 % intervals,
/// sensitivity/specificity/F1 at the thresholds recorded in the checkpoint (chosen on its training spec's
/// <c>@val</c> split), ROC curves, predictions; datasets side by side, marked in-distribution when the checkpoint was
/// trained on them. Records longer than the model's input are scored by the mean of their windows' probabilities.
/// </summary>
public static class Evaluation
{
    /// <summary>Threshold used for a class the checkpoint records none for.</summary>
    public const double DefaultThreshold = 0.5;

    /// <summary>
    /// Loads the model, prepares and evaluates every dataset, and writes the <c>eval/</c> folder. The options that can be
    /// checked against the model (target, leads, bootstrap, batch) are checked before any dataset is prepared.
    /// </summary>
    public static EvaluationReport Run(EvaluateOptions options, IProgress<EvaluationProgress>? progress = null, CancellationToken cancellation = default)
    {
        if (options.DataSpecs.Count == 0)
        {
            throw new ArgumentException("name at least one dataset to evaluate on");
        }
        if (options.Name is { } name && (name.Length == 0 || name.IndexOfAny(['/', '\\']) >= 0 || name is "." or ".."))
        {
            throw new ArgumentException($"evaluation name '{name}' must be one folder name");
        }
        if (options.BootstrapResamples < 1 || options.BatchSize < 1)
        {
            throw new ArgumentException($"bootstrap resamples and batch size must be at least 1, got {options.BootstrapResamples} and {options.BatchSize}");
        }
        Device device = TorchDevice.Resolve(options.Device);
        var (model, info) = Checkpoint.Load(options.ModelPath, device);
        using (model)
        using (ComparedModel? other = options.CompareModelPath is { } comparePath ? ComparedModel.Load(comparePath, device, options.RecordSeconds, options.MissingLeads) : null)
        {
            ResNet1dConfig config = model.Config;
            IReadOnlyList<string> leads = options.Leads ?? config.LeadNames;
            if (leads.Count != config.LeadCount)
            {
                throw new EcgXaiException(options.ModelPath, $"{leads.Count} leads selected ({string.Join(",", leads)}) for a model with {config.LeadCount} inputs ({string.Join(",", config.LeadNames)})");
            }
            int[] classes = ClassesToEvaluate(config, options.Target, options.ModelPath);
            int recordLength = RecordLength(config, info, options.RecordLength, options.RecordSeconds);
            if (recordLength < config.InputLength)
            {
                throw new ArgumentException($"the record length ({recordLength} samples) must be at least the model's input length ({config.InputLength})");
            }
            var preprocess = config.Preprocessing(recordLength, leads) with { MissingLeads = options.MissingLeads };
            DatasetPreparer.Check(options.DataSpecs, preprocess, config.ClassNames);
            other?.Check(options.DataSpecs, classes.Select(c => config.ClassNames[c]));
            var results = new List<DatasetEvaluation>();
            foreach (string spec in options.DataSpecs)
            {
                var prepareProgress = progress is null ? null : new SynchronousProgress<DatasetProgress>(p => progress.Report(new EvaluationProgress("prepare/" + p.Stage, spec, p.Completed, p.Total)));
                using PreparedDataset data = DatasetPreparer.Prepare(spec, preprocess, config.ClassNames, options.CacheDirectory, null, prepareProgress);
                DatasetEvaluation evaluation = Evaluate(model, info, data, spec, options, progress, cancellation);
                results.Add(other is null ? evaluation : other.Compare(evaluation, options, prepareProgress, cancellation));
            }
            string eval = Path.Combine(options.OutDirectory ?? RunFolderOf(options.ModelPath), "eval");
            string outDirectory = options.Name is null ? eval : Path.Combine(eval, options.Name);
            var report = new EvaluationReport(options.ModelPath, info.DataSpecs, results, outDirectory) { MissingLeads = options.MissingLeads };
            progress?.Report(new EvaluationProgress("write", outDirectory, 0, 1));
            EvaluationWriter.Write(report);
            progress?.Report(new EvaluationProgress("write", outDirectory, 1, 1));
            return report;
        }
    }

    /// <summary>
    /// Evaluates <paramref name="model"/> on prepared <paramref name="data"/> (its classes must be the model's, its
    /// records shaped like the model's input); <paramref name="spec"/> names it and decides whether it is
    /// in-distribution for <paramref name="info"/>.
    /// </summary>
    public static DatasetEvaluation Evaluate(ResNet1d model, CheckpointInfo info, PreparedDataset data, string spec, EvaluateOptions options,
        IProgress<EvaluationProgress>? progress = null, CancellationToken cancellation = default)
    {
        ResNet1dConfig config = model.Config;
        if (data.LeadCount != config.LeadCount || data.Length < config.InputLength)
        {
            throw new EcgXaiException(spec, $"records are {data.LeadCount} leads x {data.Length} samples, the model expects {config.LeadCount} x {config.InputLength} (or longer records, scored by windows)");
        }
        if (!data.ClassNames.SequenceEqual(config.ClassNames))
        {
            throw new EcgXaiException(spec, $"dataset classes ({string.Join(",", data.ClassNames)}) differ from the model's ({string.Join(",", config.ClassNames)})");
        }
        int[] evaluated = ClassesToEvaluate(config, options.Target, options.ModelPath);
        string[] unreadable = evaluated.Select(c => config.ClassNames[c]).Where(data.UnreadableClasses.Contains).ToArray();
        if (unreadable.Length == evaluated.Length)
        {
            throw new EcgXaiException(spec, $"the labels of {string.Join(", ", unreadable)} cannot be read from this dataset (its label codes cannot express {(unreadable.Length == 1 ? "it" : "them")}), so {(unreadable.Length == 1 ? "it is" : "they are")} not scored");
        }
        evaluated = evaluated.Where(c => !unreadable.Contains(config.ClassNames[c])).ToArray();
        int classes = config.ClassCount;

        progress?.Report(new EvaluationProgress("predict", spec, 0, data.Count));
        float[] probabilities = Predict(model, options.ModelPath, data, spec, options.BatchSize, cancellation);
        progress?.Report(new EvaluationProgress("predict", spec, data.Count, data.Count));

        var labels = new float[data.Count * classes];
        for (int i = 0; i < data.Count; i++)
        {
            for (int c = 0; c < classes; c++)
            {
                labels[i * classes + c] = data.Label(i, c);
            }
        }
        var results = new List<ClassEvaluation>();
        foreach (int c in evaluated)
        {
            string name = config.ClassNames[c];
            var scores = BinaryScores.From(Auroc.Column(probabilities, classes, c), Auroc.Column(labels, classes, c));
            bool recorded = info.Thresholds.TryGetValue(name, out double threshold);
            string source = recorded ? $"checkpoint ({info.ThresholdData ?? "validation split"})" : $"default {DefaultThreshold} (none recorded)";
            results.Add(new ClassEvaluation(
                name,
                scores.Count,
                scores.Positives,
                Bootstrap.Auroc(scores, options.BootstrapResamples, options.Seed),
                ThresholdMetrics.At(scores, recorded ? threshold : DefaultThreshold),
                source,
                RocCurve.Of(scores))
            {
                Band = Bootstrap.RocBand(scores, options.BootstrapResamples, options.Seed),
            });
            progress?.Report(new EvaluationProgress("metrics", spec, results.Count, evaluated.Length));
        }
        return new DatasetEvaluation(spec, IsInDistribution(spec, info.DataSpecs), results, data.RecordIds, config.ClassNames, probabilities, labels, data.SkippedByReason)
        {
            NotScored = unreadable,
            SkippedRecords = data.SkippedRecords,
            UnknownCodeCounts = data.UnknownCodeCounts,
        };
    }

    /// <summary>
    /// Samples per prepared record for <paramref name="config"/>: <paramref name="samples"/>, else <paramref name="seconds"/>
    /// at the model's rate (rounded up), else the checkpoint's record length, else the input length.
    /// </summary>
    internal static int RecordLength(ResNet1dConfig config, CheckpointInfo info, int? samples, double? seconds) =>
        samples ?? (seconds is { } s ? (int)Math.Ceiling(s * config.SampleRate) : (int?)null) ?? info.RecordLength ?? config.InputLength;

    /// <summary>
    /// Row-major <c>[records, classes]</c> probabilities of <paramref name="model"/> (loaded from <paramref name="modelPath"/>)
    /// on <paramref name="data"/>, records longer than the input scored by the mean of their windows; a NaN score is
    /// refused naming the model, the record and the class.
    /// </summary>
    internal static float[] Predict(ResNet1d model, string modelPath, PreparedDataset data, string spec, int batchSize, CancellationToken cancellation)
    {
        ResNet1dConfig config = model.Config;
        model.eval();
        Device device = model.lin.weight!.device;
        float[] probabilities = RecordWindows.Score(data, config.InputLength, RecordWindows.DefaultStride(config.InputLength), batchSize, device, x => model.forward(x).sigmoid(), cancellation);
        int nan = Array.FindIndex(probabilities, float.IsNaN);
        if (nan >= 0)
        {
            throw new EcgXaiException(modelPath, $"score of record '{data.RecordIds[nan / config.ClassCount]}' ({spec}) for class {config.ClassNames[nan % config.ClassCount]} is NaN: the model's weights or the record's inputs hold NaN");
        }
        return probabilities;
    }

    /// <summary>True when <paramref name="spec"/> names the same dataset (kind and folder, any split) as one of <paramref name="trainingSpecs"/>.</summary>
    public static bool IsInDistribution(string spec, IReadOnlyList<string> trainingSpecs)
    {
        if (!TryParse(spec, out DatasetSpec? evaluated))
        {
            return false;
        }
        return trainingSpecs.Any(t => TryParse(t, out DatasetSpec? trained)
            && trained.Kind == evaluated.Kind
            && string.Equals(NormalizePath(trained.Path), NormalizePath(evaluated.Path), StringComparison.Ordinal));
    }

    private static int[] ClassesToEvaluate(ResNet1dConfig config, string? target, string modelPath)
    {
        if (target is null)
        {
            return Enumerable.Range(0, config.ClassCount).ToArray();
        }
        return [ModelClasses.IndexOf(config.ClassNames, target, modelPath)];
    }

    private static bool TryParse(string spec, [NotNullWhen(true)] out DatasetSpec? parsed)
    {
        try
        {
            parsed = DatasetSpec.Parse(spec);
            return true;
        }
        catch (EcgXaiException)
        {
            parsed = null;
            return false;
        }
    }

    private static string NormalizePath(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    private static string RunFolderOf(string modelPath)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(modelPath))!;
        return Path.GetFileName(folder) == "models" ? Path.GetDirectoryName(folder)! : folder;
    }
}
