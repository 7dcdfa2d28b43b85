using static TorchSharp.torch;

namespace EcgXai.Explain.Faithfulness;

/// <summary>Replacement values for flipped input cells, computed per record from the input <c>(records, leads, samples)</c>.</summary>
public static class InputBaselines
{
    /// <summary>
    /// The baseline of every element of <paramref name="input"/>: zeros, each lead's mean over time, or a centred moving
    /// average over <paramref name="window"/> samples (odd, shrinking at the ends; its first spectral zero is at
    /// <c>fs / window</c>).
    /// </summary>
    public static Tensor Of(Tensor input, InputBaseline kind, int window)
    {
        if (input.dim() != 3)
        {
            throw new ArgumentException($"input must be (records, leads, samples), got [{string.Join(", ", input.shape)}]");
        }
        using var scope = NewDisposeScope();
        Tensor result = kind switch
        {
            InputBaseline.Zero => zeros_like(input),
            InputBaseline.LeadMean => input.mean([2], keepdim: true).expand_as(input).contiguous(),
            InputBaseline.LowPass => MovingAverage(input, window),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown input baseline"),
        };
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>The odd moving-average window closest to <paramref name="seconds"/> at <paramref name="sampleRate"/> (at least 1).</summary>
    public static int WindowSamples(double seconds, double sampleRate)
    {
        if (!(seconds > 0) || !(sampleRate > 0))
        {
            throw new ArgumentException($"a low-pass window needs a positive duration and rate, got {seconds} s at {sampleRate} Hz");
        }
        int samples = Math.Max(1, (int)Math.Round(seconds * sampleRate));
        return samples % 2 == 1 ? samples : samples + 1;
    }

    private static Tensor MovingAverage(Tensor input, int window)
    {
        if (window < 1 || window % 2 == 0)
        {
            throw new ArgumentException($"the low-pass window must be odd and positive, got {window}");
        }
        return nn.functional.avg_pool1d(input, window, stride: 1, padding: window / 2, count_include_pad: false);
    }
}
