using EcgXai.Datasets;
using EcgXai.IO;
using EcgXai.Models;
using static TorchSharp.torch;

namespace EcgXai.Explain.Faithfulness;

/// <summary>
/// Pruning the classifier input to its most relevant units: rank (channel, time) positions by mean relevance for the
/// target over the target's positives on the ranking data, keep the k best (or the k best channels), zero the rest,
/// restart the forward there, and report AUROC per dataset, class and k against random units and the least relevant.
/// </summary>
public static class Pruning
{
    /// <summary>Runs the ranking and the evaluation and writes <c>OutDirectory/explain/prune/</c>.</summary>
    public static PruneReport Run(PruneOptions options, IProgress<PruneProgress>? progress = null, CancellationToken cancellation = default)
    {
        options.Validate();
        ExplanationVariant variant = ExplanationVariant.Parse([options.Variant]) is [{ IsBaseline: false } v, _, _] ? v
            : throw new ArgumentException($"rank with one LRP variant composite/policy, got '{options.Variant}'");
        Device device = TorchDevice.Resolve(options.Device);
        var (network, _) = Checkpoint.Load(options.ModelPath, device);
        using (network)
        using (var model = new ExplainedModel(network))
        {
            network.eval();
            ResNet1dConfig config = network.Config;
            int target = ModelClasses.IndexOf(config.ClassNames, options.Target, options.ModelPath);
            var preprocess = config.Preprocessing();
            DatasetPreparer.Check(options.DataSpecs.Prepend(options.RankSpec), preprocess, config.ClassNames);
            PreparedDataset Prepare(string spec)
            {
                progress?.Report(new PruneProgress("prepare", spec, 0, 1));
                return DatasetPreparer.Prepare(spec, preprocess, config.ClassNames, options.CacheDirectory);
            }
            PruningRanking ranking;
            using (PreparedDataset rankData = Prepare(options.RankSpec))
            {
                var rankProgress = progress is null ? null : new SynchronousProgress<int>(n => progress.Report(new PruneProgress("rank", options.RankSpec, n, rankData.Count)));
                ranking = PruningRanking.Compute(model, variant, rankData, target, options.BatchSize, device, rankProgress, cancellation);
            }
            var rows = new List<PruningRow>();
            foreach (string spec in options.DataSpecs)
            {
                using PreparedDataset data = Prepare(spec);
                foreach (PruningLevel level in Enum.GetValues<PruningLevel>())
                {
                    progress?.Report(new PruneProgress("evaluate " + level.ToString().ToLowerInvariant(), spec, 0, data.Count));
                    rows.AddRange(PruningEvaluation.Evaluate(model, data, spec, ranking, level, options.Keep, options.RandomDraws, options.Seed,
                        options.BootstrapResamples, options.BatchSize, device, cancellation));
                    progress?.Report(new PruneProgress("evaluate " + level.ToString().ToLowerInvariant(), spec, data.Count, data.Count));
                }
            }
            var report = new PruneReport(options, ranking, rows, Path.Combine(options.OutDirectory, "explain", "prune"));
            PruningWriter.Write(report);
            return report;
        }
    }
}
