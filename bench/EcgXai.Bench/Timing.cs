using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace EcgXai.Bench;

/// <summary>
/// How every benchmark times: each phase runs once as a warm-up, then the phases run interleaved (phase 1, 2, …, 1, 2, …)
/// for the timed repetitions, so that a load swing on a shared machine hits every phase alike; each figure is the
/// median of its repetitions. On CUDA the device is synchronised before the clock starts and before it stops.
/// </summary>
public static class Timing
{
    /// <summary>The median seconds of each of <paramref name="phases"/> over <paramref name="repeats"/> interleaved repetitions.</summary>
    public static double[] Medians(int repeats, Device device, IProgress<string>? progress, params (string Name, Action Run)[] phases)
    {
        var seconds = phases.Select(_ => new List<double>()).ToArray();
        for (int repetition = -1; repetition < Math.Max(1, repeats); repetition++)
        {
            for (int p = 0; p < phases.Length; p++)
            {
                double elapsed = Once(device, phases[p].Run);
                if (repetition >= 0)
                {
                    seconds[p].Add(elapsed);
                }
                progress?.Report($"{phases[p].Name}{(repetition < 0 ? " (warm-up)" : "")}: {elapsed:F3} s");
            }
        }
        return seconds.Select(Median).ToArray();
    }

    /// <summary>The median of <paramref name="values"/> (mean of the two middle ones for an even count).</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        double[] sorted = values.Order().ToArray();
        int n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double Once(Device device, Action run)
    {
        using var scope = NewDisposeScope();
        Synchronize(device);
        var watch = Stopwatch.StartNew();
        run();
        Synchronize(device);
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>Waits for the queued work of <paramref name="device"/> (CUDA); a no-op on the CPU.</summary>
    public static void Synchronize(Device device)
    {
        if (device.type == DeviceType.CUDA)
        {
            cuda.synchronize(device);
        }
    }
}
