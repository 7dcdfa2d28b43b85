using EcgXai.Datasets;
using EcgXai.IO;
using EcgXai.Models;
using EcgXai.Training.Metrics;
using static TorchSharp.torch;

namespace EcgXai.Eval;

/// <summary>
/// The second model of <c>evaluate --compare</c>: scored on every dataset with its own leads, rate and record length, then
/// paired with the evaluated model class by class on the records both scored (<see cref="ModelComparison"/>).
/// </summary>
internal sealed class ComparedModel : IDisposable
{
    private readonly ResNet1d model;
    private readonly string path;
    private readonly PreprocessOptions preprocess;

    private ComparedModel(ResNet1d model, string path, PreprocessOptions preprocess)
    {
        this.model = model;
        this.path = path;
        this.preprocess = preprocess;
    }

    /// <summary>
    /// Loads <paramref name="path"/>; records are cut to <paramref name="recordSeconds"/> at its rate, else to its checkpoint's
    /// record length, and missing leads are handled as <paramref name="missingLeads"/> says.
    /// </summary>
    public static ComparedModel Load(string path, Device device, double? recordSeconds, MissingLeadHandling missingLeads)
    {
        var (model, info) = Checkpoint.Load(path, device);
        ResNet1dConfig config = model.Config;
        int length = Evaluation.RecordLength(config, info, null, recordSeconds);
        return new ComparedModel(model, path, config.Preprocessing(Math.Max(length, config.InputLength)) with { MissingLeads = missingLeads });
    }

    /// <summary>Refuses, before any data is prepared, classes the compared model has no output for and datasets that do not fit it.</summary>
    public void Check(IEnumerable<string> specs, IEnumerable<string> classes)
    {
        string[] missing = classes.Where(c => !model.Config.ClassNames.Contains(c)).ToArray();
        if (missing.Length > 0)
        {
            throw new EcgXaiException(path, $"the compared model has no output for {string.Join(", ", missing)} (its outputs: {string.Join(", ", model.Config.ClassNames)})");
        }
        DatasetPreparer.Check(specs, preprocess, model.Config.ClassNames);
    }

    /// <summary><paramref name="evaluation"/> with every class's <see cref="ClassEvaluation.Comparison"/> set.</summary>
    public DatasetEvaluation Compare(DatasetEvaluation evaluation, EvaluateOptions options, IProgress<DatasetProgress>? progress, CancellationToken cancellation)
    {
        using PreparedDataset data = DatasetPreparer.Prepare(evaluation.Spec, preprocess, model.Config.ClassNames, options.CacheDirectory, null, progress);
        float[] probabilities = Evaluation.Predict(model, path, data, evaluation.Spec, options.BatchSize, cancellation);
        var rowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < data.RecordIds.Count; i++)
        {
            rowOf[data.RecordIds[i]] = i;
        }
        int[] common = Enumerable.Range(0, evaluation.RecordIds.Count).Where(i => rowOf.ContainsKey(evaluation.RecordIds[i])).ToArray();
        if (common.Length == 0)
        {
            throw new EcgXaiException(path, $"the compared model scored none of the records of {evaluation.Spec} the evaluated model scored");
        }
        int classes = evaluation.ClassNames.Count, otherClasses = model.Config.ClassCount;
        var compared = evaluation.Classes.Select(c =>
        {
            int mine = evaluation.ClassNames.ToList().IndexOf(c.ClassName), theirs = model.Config.ClassNames.ToList().IndexOf(c.ClassName);
            float[] labels = common.Select(i => evaluation.Labels[i * classes + mine]).ToArray();
            var a = BinaryScores.From(common.Select(i => evaluation.Probabilities[i * classes + mine]).ToArray(), labels);
            var b = BinaryScores.From(common.Select(i => probabilities[rowOf[evaluation.RecordIds[i]] * otherClasses + theirs]).ToArray(),
                common.Select(i => data.Label(rowOf[evaluation.RecordIds[i]], theirs)).ToArray());
            return c with
            {
                Comparison = new ModelComparison(path, a.Count, a.Positives, Auroc.Compute(a), Bootstrap.Auroc(b, options.BootstrapResamples, options.Seed),
                    Bootstrap.PairedAurocDifference(a, b, options.BootstrapResamples, options.Seed)),
            };
        }).ToArray();
        return evaluation with { Classes = compared };
    }

    /// <inheritdoc />
    public void Dispose() => model.Dispose();
}
