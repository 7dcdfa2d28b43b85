using System.Diagnostics;
using EcgXai.Datasets;
using EcgXai.IO;
using EcgXai.Models;
using EcgXai.Signals;
using EcgXai.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace EcgXai.Bench;

/// <summary>
/// Training benchmark on random data: throughput of training and distillation steps (<see cref="TrainingStep"/> fed by
/// <see cref="BatchPrefetcher"/>, as in <see cref="Trainer"/>) with the share of step time spent waiting for data, and
/// inference throughput of the <c>ribeiro</c> and <c>compact</c> presets. One warm-up step is not timed.
/// </summary>
public static class TrainBenchmark
{
    /// <summary>Runs the benchmark with <paramref name="batchSize"/> records per step and <paramref name="steps"/> timed steps per figure.</summary>
    public static BenchmarkReport Run(int batchSize = 32, int steps = 4, string? device = null, int seed = 0)
    {
        Device target = TorchDevice.Resolve(device);
        var figures = new List<KeyValuePair<string, object>>
        {
            new("device", target.ToString()),
            new("batch", batchSize),
            new("threads", get_num_threads()),
        };
        foreach (ResNet1dConfig config in new[] { ResNet1dConfig.Compact, ResNet1dConfig.Ribeiro })
        {
            string name = config.Preset;
            using var data = RandomData(config, batchSize * (steps + 1), seed);
            float[] teacher = RandomProbabilities(data.Count * config.ClassCount, seed);
            var (trainRate, trainWait) = Train(config, data, null, batchSize, target, seed);
            figures.Add(new($"{name}_train_samples_per_s", trainRate));
            figures.Add(new($"{name}_train_data_wait_share", trainWait));
            var (distilRate, distilWait) = Train(config, data, teacher, batchSize, target, seed);
            figures.Add(new($"{name}_distill_samples_per_s", distilRate));
            figures.Add(new($"{name}_distill_data_wait_share", distilWait));
            figures.Add(new($"{name}_inference_samples_per_s", Inference(config, data, batchSize, target, seed)));
        }
        return new BenchmarkReport("train", figures);
    }

    private static (double SamplesPerSecond, double WaitShare) Train(ResNet1dConfig config, PreparedDataset data, float[]? teacher, int batchSize, Device device, int seed)
    {
        manual_seed(seed);
        using var model = new ResNet1d(config);
        model.to(device);
        model.train();
        using var optimizer = optim.Adam(model.parameters(), 1e-3);
        var step = new TrainingStep(model, optimizer, device, teacher is null ? null : new DistillationOptions());
        int[] order = Enumerable.Range(0, data.Count).ToArray();
        using var batches = new BatchPrefetcher(data, order, batchSize, teacher);
        step.Run(batches.Next()!);
        TimeSpan warmWait = batches.WaitTime;
        Timing.Synchronize(device);
        var clock = Stopwatch.StartNew();
        int samples = 0;
        while (batches.Next() is { } batch)
        {
            step.Run(batch);
            samples += batch.Count;
        }
        Timing.Synchronize(device);
        double seconds = clock.Elapsed.TotalSeconds;
        return (samples / seconds, (batches.WaitTime - warmWait).TotalSeconds / seconds);
    }

    private static double Inference(ResNet1dConfig config, PreparedDataset data, int batchSize, Device device, int seed)
    {
        manual_seed(seed);
        using var model = new ResNet1d(config);
        model.to(device);
        model.eval();
        using var warm = new InMemoryPreparedDataset("warm-up", data.Signal(0).ToArray(), new float[config.ClassCount], ["0"], ["0"], [null], [Sex.Unknown],
            data.LeadNames, data.ClassNames, data.SampleRate, data.Length);
        BatchInference.Run(warm, batchSize, device, x => model.forward(x));
        Timing.Synchronize(device);
        var clock = Stopwatch.StartNew();
        BatchInference.Run(data, batchSize, device, x => model.forward(x));
        Timing.Synchronize(device);
        return data.Count / clock.Elapsed.TotalSeconds;
    }

    private static InMemoryPreparedDataset RandomData(ResNet1dConfig config, int count, int seed)
    {
        var random = new Random(seed);
        var signals = new float[count * config.LeadCount * config.InputLength];
        for (int i = 0; i < signals.Length; i++)
        {
            signals[i] = (float)(random.NextDouble() * 2 - 1);
        }
        float[] labels = Enumerable.Range(0, count * config.ClassCount).Select(_ => random.NextDouble() < 0.2 ? 1f : 0f).ToArray();
        string[] ids = Enumerable.Range(0, count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return new InMemoryPreparedDataset("random", signals, labels, ids, ids, new double?[count], new Sex[count], config.LeadNames, config.ClassNames, config.SampleRate, config.InputLength);
    }

    private static float[] RandomProbabilities(int count, int seed)
    {
        var random = new Random(seed + 1);
        return Enumerable.Range(0, count).Select(_ => (float)random.NextDouble()).ToArray();
    }
}
