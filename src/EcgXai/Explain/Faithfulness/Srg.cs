using EcgXai.Datasets;
using EcgXai.Explain.Graph;
using EcgXai.IO;
using EcgXai.Models;
using static TorchSharp.torch;

namespace EcgXai.Explain.Faithfulness;

/// <summary>
/// Symmetric Relevance Gain of explanation variants at the input and at layers of a checkpoint on a dataset, written to
/// <c>OutDirectory/explain/srg/</c> with the chosen variant in <c>best.json</c> (see <see cref="SrgWriter"/>).
/// </summary>
public static class Srg
{
    /// <summary>Loads the model and data, runs <see cref="SrgExperiment"/>, and writes the report.</summary>
    public static SrgReport Run(SrgOptions options, IProgress<SrgProgress>? progress = null, CancellationToken cancellation = default)
    {
        options.Settings.Validate();
        IReadOnlyList<ExplanationVariant> variants = ExplanationVariant.Parse(options.Variants);
        if (options.Records is < 1)
        {
            throw new ArgumentException($"analyse at least one record, got {options.Records}");
        }
        Device device = TorchDevice.Resolve(options.Device);
        var (network, _) = Checkpoint.Load(options.ModelPath, device);
        using (network)
        using (var model = new ExplainedModel(network))
        {
            network.eval();
            ResNet1dConfig config = network.Config;
            int? target = null;
            if (options.Target is { } name)
            {
                target = ModelClasses.IndexOf(config.ClassNames, name, options.ModelPath);
            }
            foreach (string layer in options.Layers)
            {
                if (layer != GraphPlace.InputName && !model.Graph.Contains(layer))
                {
                    throw UnknownNode.In(options.ModelPath, layer, model.Graph.Nodes.Select(n => n.Name));
                }
                model.Place(layer); // refuses a node whose activation is not (channels, time)
            }
            progress?.Report(new SrgProgress("prepare", 0, 1));
            using PreparedDataset data = DatasetPreparer.Prepare(options.DataSpec, config.Preprocessing(), config.ClassNames, options.CacheDirectory);
            int[] records = Enumerable.Range(0, Math.Min(data.Count, options.Records ?? data.Count)).ToArray();
            SrgResult result = SrgExperiment.Run(model, data, records, target, variants, options.Layers, options.Settings, device, progress, cancellation);
            var report = new SrgReport(options, result, result.Summaries(), result.Best(), Path.Combine(options.OutDirectory, "explain", "srg"));
            SrgWriter.Write(report);
            return report;
        }
    }
}
