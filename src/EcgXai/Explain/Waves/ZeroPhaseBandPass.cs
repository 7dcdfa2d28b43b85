using NWaves.Filters.Base;
using NWaves.Signals;

namespace EcgXai.Explain.Waves;

/// <summary>Zero-phase (forward-backward) second-order Butterworth band-pass, so filtered waves do not shift in time; NWaves filters.</summary>
internal static class ZeroPhaseBandPass
{
    /// <summary>The band-passed copy of <paramref name="samples"/>; the upper edge is capped at 45 % of the sampling rate.</summary>
    public static float[] Apply(ReadOnlySpan<float> samples, double sampleRate, double lowHz, double highHz)
    {
        double high = Math.Min(highHz, 0.45 * sampleRate);
        if (!(lowHz > 0) || !(high > lowHz))
        {
            throw new ArgumentException($"band {lowHz}–{highHz} Hz is empty at {sampleRate} Hz");
        }
        if (samples.Length < 16)
        {
            return samples.ToArray();
        }
        TransferFunction tf = new NWaves.Filters.Butterworth.BandPassFilter(lowHz / sampleRate, high / sampleRate, 2).Tf;
        int pad = Math.Min(samples.Length - 1, 3 * Math.Max(tf.Numerator.Length, tf.Denominator.Length));
        DiscreteSignal filtered = new ZiFilter(tf).ZeroPhase(new DiscreteSignal((int)Math.Round(sampleRate), samples.ToArray()), pad);
        return filtered.Samples.AsSpan(0, samples.Length).ToArray();
    }
}
