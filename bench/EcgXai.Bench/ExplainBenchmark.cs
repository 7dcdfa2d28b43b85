using System.Diagnostics;
using EcgXai.Explain.Attribution;
using EcgXai.Explain.Composites;
using EcgXai.IO;
using EcgXai.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace EcgXai.Bench;

/// <summary>
/// Explainer speed on random inputs and weights, in one process: forward of the batch (no grad); EpsilonPlusFlat
/// heatmaps of the batch (own forward included); 8 conditional heatmaps of record 0 at the classifier input (forward
/// included) against plain heatmaps of 8 records; peak resident memory. Each figure is the median of the timed repeats,
/// after one warm-up explanation.
/// </summary>
public static class ExplainBenchmark
{
    /// <summary>Number of concepts (and of plain heatmaps) in the CRP comparison.</summary>
    public const int Concepts = 8;

    /// <summary>Runs the benchmark; <paramref name="progress"/> gets one line per phase.</summary>
    public static BenchmarkReport Run(ExplainBenchmarkOptions options, IProgress<string>? progress = null)
    {
        if (options.Batch < Concepts)
        {
            throw new ArgumentException($"batch must be at least {Concepts}, got {options.Batch}");
        }
        ResNet1dConfig config = ResNet1dConfig.FromPreset(options.Preset);
        Device device = TorchDevice.Resolve();
        torch.manual_seed(options.Seed);
        using var model = new ResNet1d(config);
        model.to(device);
        model.eval();
        using Tensor input = randn(options.Batch, config.LeadCount, config.InputLength, device: device);
        using var attributor = Attributor.For(model, NamedComposites.EpsilonPlusFlat());
        var concepts = new ConceptAttributor(attributor);
        const int target = 0;
        int[] targets = Enumerable.Repeat(target, options.Batch).ToArray();
        string layer = attributor.ClassifierInput;
        IReadOnlyList<int>[] channelSets = Enumerable.Range(0, Concepts).Select(c => (IReadOnlyList<int>)[c]).ToArray();
        using Tensor eight = input.narrow(0, 0, Concepts);

        using (Tensor two = input.narrow(0, 0, 2))
        {
            attributor.Attribute(two, [target, target]).Dispose();
        }
        double forward = Time(options, progress, "forward", () =>
        {
            using var _ = no_grad();
            model.forward(input).Dispose();
        });
        double heatmaps = Time(options, progress, "lrp heatmaps", () => attributor.Attribute(input, targets).Dispose());
        double crp = Time(options, progress, "crp concepts", () => concepts.Attribute(input, 0, target, layer, channelSets).Dispose());
        double plain8 = Time(options, progress, "lrp 8 records", () => attributor.Attribute(eight, targets[..Concepts]).Dispose());
        double peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        return new BenchmarkReport("explain",
        [
            new("batch", options.Batch),
            new("forward_s", forward),
            new("lrp_heatmap_s", heatmaps),
            new("n_concepts", Concepts),
            new("crp_concepts_s", crp),
            new("lrp_8_s", plain8),
            new("peak_rss_mb", Math.Round(peakMb, 1)),
        ]);
    }

    private static double Time(ExplainBenchmarkOptions options, IProgress<string>? progress, string what, Action action)
    {
        var seconds = new List<double>();
        for (int i = 0; i < Math.Max(1, options.Repeats); i++)
        {
            using var scope = NewDisposeScope();
            var watch = Stopwatch.StartNew();
            action();
            seconds.Add(watch.Elapsed.TotalSeconds);
            progress?.Report($"{what}: {watch.Elapsed.TotalSeconds:F3} s");
        }
        seconds.Sort();
        int n = seconds.Count;
        return n % 2 == 1 ? seconds[n / 2] : (seconds[n / 2 - 1] + seconds[n / 2]) / 2;
    }
}
