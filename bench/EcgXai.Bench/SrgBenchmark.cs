using EcgXai.Explain.Faithfulness;
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
        using var bench = BenchModel.Open(options.Preset, null, options.Seed, options.Records);
        Tensor input = bench.Input;
        using var model = new ExplainedModel(bench.Network);
        IFlipPlace[] places = [model.Place(GraphPlace.InputName), model.Place(options.Layer)];
        int cell = (int)Math.Round(0.1 * bench.Network.Config.SampleRate);
        FeatureGrid[] grids = [FeatureGrid.Cells(places[0].Channels, places[0].Length, cell), FeatureGrid.ChannelFeatures(places[1].Channels, places[1].Length)];
        int[] targets = new int[options.Records];
        using var source = new RandomRelevance(options.Seed);
        double[] medians = Timing.Medians(options.Repeats, bench.Device, progress,
            ("forward", () => bench.Forward(input)),
            ("flipping", () =>
            {
                IFlipSession[] sessions = places.Select(p => p.Open(input)).ToArray();
                IReadOnlyList<Tensor> relevance = source.Relevance(input, targets, places, sessions, grids);
                using Tensor zero = zeros(1, places[0].Channels, places[0].Length, dtype: input.dtype, device: input.device);
                using Tensor mean = sessions[1].Activations.mean([0], keepdim: true);
                Flipping.Run(sessions[0], grids[0], relevance[0], zero, targets, options.Steps);
                Flipping.Run(sessions[1], grids[1], relevance[1], mean, targets, options.Steps);
                foreach (IFlipSession s in sessions)
                {
                    s.Dispose();
                }
            }
        ));
        (double forward, double flipping) = (medians[0], medians[1]);
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
            new("repeats", Math.Max(1, options.Repeats)),
        ]);
    }
}
