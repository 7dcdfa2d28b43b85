using EcgXai.Synthesis;

namespace EcgXai.Tests.Synthesis;

/// <summary>Single-class populations and measurements read off ground-truth labels and beats.</summary>
internal static class SynthFixtures
{
    /// <summary>Settings whose every record has exactly the one label (NORM for none).</summary>
    public static SynthesisSettings OnlyClass(string label, SynthesisSettings? baseSettings = null)
    {
        var none = new ClassMix(0, 0, 0, 0, 0, 0, Combinations: false);
        ClassMix mix = label switch
        {
            SyntheticLabels.AtrialFibrillation => none with { AF = 1 },
            SyntheticLabels.SinusBradycardia => none with { SB = 1 },
            SyntheticLabels.SinusTachycardia => none with { ST = 1 },
            SyntheticLabels.FirstDegreeAvBlock => none with { FirstDegreeAvBlock = 1 },
            SyntheticLabels.RightBundleBranchBlock => none with { Rbbb = 1 },
            SyntheticLabels.LeftBundleBranchBlock => none with { Lbbb = 1 },
            _ => none,
        };
        return (baseSettings ?? SynthesisSettings.Default) with { Classes = mix };
    }

    /// <summary>Heart rate from the ground-truth beats: 60 / mean RR.</summary>
    public static double HeartRate(WaveAnnotation waves)
    {
        var b = waves.BeatSamples;
        return 60.0 * (b.Count - 1) / ((b[^1] - b[0]) / waves.SampleRate);
    }

    /// <summary>RR intervals in seconds.</summary>
    public static double[] RrIntervals(WaveAnnotation waves) =>
        waves.BeatSamples.Zip(waves.BeatSamples.Skip(1), (a, b) => (b - a) / waves.SampleRate).ToArray();

    /// <summary>Coefficient of variation of RR.</summary>
    public static double RrCv(WaveAnnotation waves)
    {
        double[] rr = RrIntervals(waves);
        double mean = rr.Average();
        return Math.Sqrt(rr.Select(x => (x - mean) * (x - mean)).Average()) / mean;
    }

    /// <summary>Runs of a label as (start, length) in samples, excluding runs touching the record edges.</summary>
    public static List<(int Start, int Length)> InnerRuns(WaveAnnotation waves, WaveLabel label)
    {
        var runs = new List<(int, int)>();
        int start = 0;
        foreach (var (l, length) in waves.Runs())
        {
            if (l == label && start > 0 && start + length < waves.Labels.Count)
            {
                runs.Add((start, length));
            }
            start += length;
        }
        return runs;
    }

    /// <summary>PR intervals (P onset to QRS onset) in seconds of beats whose P wave and PR segment lie inside the record.</summary>
    public static List<double> PrIntervals(WaveAnnotation waves)
    {
        var result = new List<double>();
        var labels = waves.Labels;
        foreach (var (start, _) in InnerRuns(waves, WaveLabel.P))
        {
            int i = start;
            while (i < labels.Count && labels[i] == WaveLabel.P)
            {
                i++;
            }
            while (i < labels.Count && labels[i] == WaveLabel.PR)
            {
                i++;
            }
            if (i < labels.Count && labels[i] == WaveLabel.Qrs)
            {
                result.Add((i - start) / waves.SampleRate);
            }
        }
        return result;
    }
}
