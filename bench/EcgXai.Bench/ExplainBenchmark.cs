using System.Diagnostics;
using EcgXai.Explain.Attribution;
using EcgXai.Explain.Composites;
using static TorchSharp.torch;

namespace EcgXai.Bench;

/// <summary>
/// Explainer speed on random inputs, in one process, for several batch sizes (default 8 and 32) of one model (a fresh
/// preset ResNet1d with random weights, or a checkpoint or ONNX file): per batch size the forward (no grad) and the
/// EpsilonPlusFlat heatmaps (own forward included); 8 conditional heatmaps of record 0 at the classifier input (forward
/// included) against plain heatmaps of 8 records; peak resident memory. Every figure is the median of the timed
/// repetitions after a warm-up, the phases interleaved (<see cref="Timing"/>).
/// </summary>
/// <remarks>
/// The report keeps the keys <c>batch</c>, <c>forward_s</c>, <c>lrp_heatmap_s</c>, <c>n_concepts</c>,
/// <c>crp_concepts_s</c>, <c>lrp_8_s</c>, <c>peak_rss_mb</c>; the per-batch figures (<c>batch</c>, <c>forward_s</c>,
/// <c>lrp_heatmap_s</c>, <c>lrp_per_forward</c>) are arrays in the order of <c>batch</c> (ascending), the others
/// single numbers. <c>lrp_per_record_vs_forward_8</c> is the heatmap time per record at the largest batch over the
/// forward time per record at the smallest; <c>crp_per_lrp_8</c> is <c>crp_concepts_s / lrp_8_s</c>. When 8 is
/// among the batch sizes, <c>lrp_8_s</c> is its heatmap figure (the same work), else it is timed on its own.
/// <c>records_per_piece</c> is the attributor's <see cref="Attributor.RecordsPerPiece"/> the heatmaps ran with.
/// </remarks>
public static class ExplainBenchmark
{
    /// <summary>Number of concepts (and of plain heatmaps) in the CRP comparison.</summary>
    public const int Concepts = 8;

    /// <summary>Wanted: heatmaps at most this many forwards, at every batch size.</summary>
    public const double TargetLrpPerForward = 3.4;

    /// <summary>Wanted: heatmap per record at the largest batch at most this many forwards per record at the smallest.</summary>
    public const double TargetLargeBatch = 3.3;

    /// <summary>Wanted: 8 CRP concepts of one record at most this share of 8 plain heatmaps.</summary>
    public const double TargetCrp = 0.6;

    /// <summary>Wanted: peak resident memory at most this many MB.</summary>
    public const double TargetPeakRssMb = 3072;

    /// <summary>Runs the benchmark; <paramref name="progress"/> gets one line per timed run.</summary>
    public static BenchmarkReport Run(ExplainBenchmarkOptions options, IProgress<string>? progress = null)
    {
        IReadOnlyList<int> batches = options.BatchSizes;
        if (batches[0] < Concepts)
        {
            throw new ArgumentException($"batch must be at least {Concepts}, got {batches[0]}");
        }
        using var bench = BenchModel.Open(options.Preset, options.Model, options.Seed, batches[^1]);
        using Attributor attributor = bench.Attributor(NamedComposites.EpsilonPlusFlat());
        attributor.RecordsPerPiece = options.RecordsPerPiece;
        var concepts = new ConceptAttributor(attributor);
        const int target = 0;
        string layer = attributor.ClassifierInput;
        int conceptCount = Math.Min(Concepts, attributor.ChannelsOf(layer));
        IReadOnlyList<int>[] channelSets = Enumerable.Range(0, conceptCount).Select(c => (IReadOnlyList<int>)[c]).ToArray();
        Tensor[] inputs = batches.Select(b => bench.Input.narrow(0, 0, b)).ToArray();
        int[] targets = new int[batches[^1]];
        int eight = batches.ToList().IndexOf(Concepts);
        using Tensor first = bench.Input.narrow(0, 0, Concepts);

        var phases = new List<(string, Action)>();
        for (int i = 0; i < batches.Count; i++)
        {
            Tensor x = inputs[i];
            int b = batches[i];
            phases.Add(($"forward {b}", () => bench.Forward(x)));
            phases.Add(($"lrp heatmaps {b}", () => attributor.Attribute(x, targets[..b]).Dispose()));
        }
        phases.Add(("crp concepts", () => concepts.Attribute(first, 0, target, layer, channelSets).Dispose()));
        if (eight < 0)
        {
            phases.Add(("lrp 8 records", () => attributor.Attribute(first, targets[..Concepts]).Dispose()));
        }
        double[] medians = Timing.Medians(options.Repeats, bench.Device, progress, [.. phases]);
        foreach (Tensor x in inputs)
        {
            x.Dispose();
        }

        double[] forward = batches.Select((_, i) => medians[2 * i]).ToArray();
        double[] heatmaps = batches.Select((_, i) => medians[2 * i + 1]).ToArray();
        double crp = medians[2 * batches.Count];
        double plain8 = eight >= 0 ? heatmaps[eight] : medians[^1];
        double peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        return new BenchmarkReport("explain",
        [
            new("batch", batches.ToArray()),
            new("forward_s", forward),
            new("lrp_heatmap_s", heatmaps),
            new("n_concepts", conceptCount),
            new("crp_concepts_s", crp),
            new("lrp_8_s", plain8),
            new("peak_rss_mb", Math.Round(peakMb, 1)),
            new("model", bench.Source),
            new("repeats", Math.Max(1, options.Repeats)),
            new("records_per_piece", attributor.RecordsPerPiece),
            new("lrp_per_forward", heatmaps.Zip(forward, (h, f) => Math.Round(h / f, 3)).ToArray()),
            new("lrp_per_record_vs_forward_8", Math.Round(heatmaps[^1] / batches[^1] / (forward[0] / batches[0]), 3)),
            new("crp_per_lrp_8", Math.Round(crp / plain8, 3)),
        ]);
    }
}
