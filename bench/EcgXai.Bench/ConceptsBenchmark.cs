using System.Diagnostics;
using EcgXai.Explain.Concepts;
using EcgXai.Explain.Attribution;
using EcgXai.Explain.Canonizers;
using EcgXai.Explain.Composites;
using EcgXai.IO;
using EcgXai.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace EcgXai.Bench;

/// <summary>
/// Concept analysis speed on random weights and records, in one process: the statistics pass (every recordable layer
/// plus the classifier input's positions plus top-k lists, no references) per record, against a plain heatmap and a
/// forward per record at the same batch; then the conditional heatmaps of the top RelMax references (among the
/// records) of the first concepts of the classifier input, against their multiply-add floor estimate (one forward per
/// distinct record plus one backward pass per heatmap, from the forward and heatmap times measured here).
/// </summary>
public static class ConceptsBenchmark
{
    /// <summary>Concepts (channels 0..n-1 of the classifier input) whose references are explained.</summary>
    public const int Concepts = 8;

    /// <summary>References per concept.</summary>
    public const int References = 8;

    /// <summary>Runs the benchmark; <paramref name="progress"/> gets one line per phase.</summary>
    public static BenchmarkReport Run(ConceptsBenchmarkOptions options, IProgress<string>? progress = null)
    {
        if (options.Records < References || options.Batch < 1)
        {
            throw new ArgumentException($"need at least {References} records and a positive batch, got {options.Records} and {options.Batch}");
        }
        ResNet1dConfig config = ResNet1dConfig.FromPreset(options.Preset);
        Device device = TorchDevice.Resolve();
        torch.manual_seed(options.Seed);
        using var model = new ResNet1d(config);
        model.to(device);
        model.eval();
        using Tensor input = randn(options.Records, config.LeadCount, config.InputLength, device: device);
        using var attributor = Attributor.For(model, NamedComposites.EpsilonPlusFlat());
        using var explainer = new ConceptExplainer(model, attributor, device);
        const int target = 0;
        IReadOnlyList<ConceptLayer> layers = explainer.Layers(null, positions: true);
        var settings = new ConceptSettings(config.ClassNames[target], layers, ConceptOptions.DefaultTopK, ConceptOptions.DefaultReplicates, 0);
        string[] ids = Enumerable.Range(0, options.Records).Select(i => $"r{i:D4}").ToArray();
        ConceptState state = ConceptState.Empty(settings, ["random"]);

        void Batches(Action<Tensor, int> each)
        {
            for (int start = 0; start < options.Records; start += options.Batch)
            {
                using Tensor batch = input.narrow(0, start, Math.Min(options.Batch, options.Records - start));
                each(batch, start);
            }
        }
        int[] targets = Enumerable.Repeat(target, options.Batch).ToArray();
        double forward = Median(options, progress, "forward", () => Batches((b, start) =>
        {
            using var _ = no_grad();
            model.forward(b).Dispose();
        }));
        double heatmap = Median(options, progress, "heatmaps", () => Batches((b, _) => attributor.Attribute(b, targets[..(int)b.shape[0]]).Dispose()));
        double statistics = Median(options, progress, "statistics", () =>
        {
            state = ConceptState.Empty(settings, ["random"]);
            Batches((b, start) => state.Add(0, ids[start..(start + (int)b.shape[0])], explainer.Explain(b, target, layers)));
        });

        string node = attributor.ClassifierInput;
        LayerAccumulator classifier = state.Datasets[0].Layers[node];
        var requests = Enumerable.Range(0, Concepts).SelectMany(c => classifier.References[ReferenceKind.RelevanceSum][c].Entries.Take(References)
            .Select(e => new ConceptRequest(Array.IndexOf(ids, e.RecordId), node, c))).ToArray();
        int distinct = requests.Select(r => r.Record).Distinct().Count();
        double references = Median(options, progress, "references", () =>
ConceptHeatmaps.Conditional(attributor, input, target, requests).Dispose());
        double n = options.Records;
        double floor = distinct * forward / n + requests.Length * (heatmap - forward) / n;
        double peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        return new BenchmarkReport("concepts",
        [
            new("preset", options.Preset),
            new("batch", options.Batch),
            new("records", options.Records),
            new("layers", layers.Count(l => !l.Positions)),
            new("positions", layers.Where(l => l.Positions).Sum(l => l.Concepts)),
            new("per_record_s", statistics / n),
            new("heatmap_per_record_s", heatmap / n),
            new("forward_per_record_s", forward / n),
            new("n_references", requests.Length),
            new("distinct_reference_records", distinct),
            new("references_s", references),
            new("references_floor_s", floor),
            new("peak_rss_mb", Math.Round(peakMb, 1)),
        ]);
    }

    private static double Median(ConceptsBenchmarkOptions options, IProgress<string>? progress, string what, Action action)
    {
        action();
        var times = new List<double>();
        for (int i = 0; i < Math.Max(1, options.Repeats); i++)
        {
            using var scope = NewDisposeScope();
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed.TotalSeconds);
            progress?.Report($"{what}: {watch.Elapsed.TotalSeconds:F3} s");
        }
        return times.Order().ElementAt(times.Count / 2);
    }
}
