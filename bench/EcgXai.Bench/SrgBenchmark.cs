using System.Diagnostics;
using EcgXai.Explain.Faithfulness;
using EcgXai.IO;
using EcgXai.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace EcgXai.Bench;

/// <summary>
/// Flipping speed on random weights and inputs, in one process: records per second of a plain forward of the batch,
/// against perturbed records per second of SRG flipping (both orders of every record at every step, at the input and
/// restarted at one layer), including building the perturbations and the restart; each figure the median of the repeats.
/// </summary>
public static class SrgBenchmark
{
    /// <summary>Runs the benchmark; <paramref name="progress"/> gets one line per timed run.</summary>
    public static BenchmarkReport Run(SrgBenchmarkOptions options, IProgress<string>? progress = null)
    {
        ResNet1dConfig config = ResNet1dConfig.FromPreset(options.Preset);
        Device device = TorchDevice.Resolve();
        torch.manual_seed(options.Seed);
        using var network = new ResNet1d(config);
        network.to(device);
        network.eval();
        using var model = new ExplainedModel(network);
        using Tensor input = randn(options.Records, config.LeadCount, config.InputLength, device: device);
        IFlipPlace[] places = [model.Place(GraphPlace.InputName), model.Place(options.Layer)];
        FeatureGrid[] grids = [FeatureGrid.Cells(places[0].Channels, places[0].Length, (int)Math.Round(0.1 * config.SampleRate)), FeatureGrid.ChannelFeatures(places[1].Channels, places[1].Length)];
        int[] targets = new int[options.Records];

        double forward = Median(options, progress, "forward", () =>
        {
            using var _ = no_grad();
            model.Graph.Forward(input).Dispose();
        });
        using var source = new RandomRelevance(options.Seed);
        double flipping = Median(options, progress, "flipping", () =>
        {
            IFlipSession[] sessions = places.Select(p => p.Open(input)).ToArray();
            IReadOnlyList<Tensor> relevance = source.Relevance(input, targets, places, sessions, grids);
            using Tensor zero = zeros(1, places[0].Channels, places[0].Length, device: device);
            using Tensor mean = sessions[1].Activations.mean([0], keepdim: true);
            Flipping.Run(sessions[0], grids[0], relevance[0], zero, targets, options.Steps);
            Flipping.Run(sessions[1], grids[1], relevance[1], mean, targets, options.Steps);
            foreach (IFlipSession s in sessions)
            {
                s.Dispose();
            }
        });
        double forwardRate = options.Records / forward;
        double flippedRate = 2.0 * places.Length * options.Steps * options.Records / flipping;
        return new BenchmarkReport("srg",
        [
            new("records", options.Records),
            new("steps", options.Steps),
            new("layer", options.Layer),
            new("forward_per_s", Math.Round(forwardRate, 2)),
            new("flipped_forwards_per_s", Math.Round(flippedRate, 2)),
            new("ratio", Math.Round(flippedRate / forwardRate, 3)),
        ]);
    }

    private static double Median(SrgBenchmarkOptions options, IProgress<string>? progress, string what, Action action)
    {
        action(); // warm-up
        var times = new List<double>();
        for (int i = 0; i < Math.Max(1, options.Repeats); i++)
        {
            using var scope = NewDisposeScope();
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed.TotalSeconds);
            progress?.Report($"{what}: {watch.Elapsed.TotalSeconds:F3} s");
        }
        times.Sort();
        return times[times.Count / 2];
    }
}
