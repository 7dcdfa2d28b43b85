using System.Diagnostics;
using EcgXai.Explain.Concepts;
using EcgXai.Explain.Attribution;
using EcgXai.Explain.Composites;
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
        using var bench = BenchModel.Open(options.Preset, null, options.Seed, options.Records);
        Tensor input = bench.Input;
        using Attributor attributor = bench.Attributor(NamedComposites.EpsilonPlusFlat());
        using var explainer = new ConceptExplainer(bench.Network, attributor, bench.Device);
        const int target = 0;
        IReadOnlyList<ConceptLayer> layers = explainer.Layers(bench.Source, null, positions: true);
        var settings = new ConceptSettings(bench.Network.Config.ClassNames[target], layers, ConceptOptions.DefaultTopK, ConceptOptions.DefaultReplicates, 0);
        string[] ids = Enumerable.Range(0, options.Records).Select(i => $"r{i:D4}").ToArray();

        void Batches(Action<Tensor, int> each)
        {
            for (int start = 0; start < options.Records; start += options.Batch)
            {
                using Tensor batch = input.narrow(0, start, Math.Min(options.Batch, options.Records - start));
                each(batch, start);
            }
        }
        ConceptState Statistics()
        {
            ConceptState state = ConceptState.Empty(settings, ["random"]);
            Batches((b, start) => state.Add(0, ids[start..(start + (int)b.shape[0])], explainer.Explain(b, target, layers)));
            return state;
        }
        int[] targets = Enumerable.Repeat(target, options.Batch).ToArray();
        string node = attributor.ClassifierInput;
        LayerAccumulator classifier = Statistics().Datasets[0].Layers[node];
        var requests = Enumerable.Range(0, Concepts).SelectMany(c => classifier.References[ReferenceKind.RelevanceSum][c].Entries.Take(References)
            .Select(e => new ConceptRequest(Array.IndexOf(ids, e.RecordId), node, c))).ToArray();
        int distinct = requests.Select(r => r.Record).Distinct().Count();
        double[] medians = Timing.Medians(options.Repeats, bench.Device, progress,
            ("forward", () => Batches((b, _) => bench.Forward(b))),
            ("heatmaps", () => Batches((b, _) => attributor.Attribute(b, targets[..(int)b.shape[0]]).Dispose())),
            ("statistics", () => Statistics()),
            ("references", () => ConceptHeatmaps.Conditional(attributor, input, target, requests).Dispose()));
        (double forward, double heatmap, double statistics, double references) = (medians[0], medians[1], medians[2], medians[3]);
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
            new("repeats", Math.Max(1, options.Repeats)),
            new("per_record_vs_heatmap", Math.Round(statistics / heatmap, 3)),
            new("references_vs_floor", Math.Round(references / floor, 3)),
        ]);
    }
}
