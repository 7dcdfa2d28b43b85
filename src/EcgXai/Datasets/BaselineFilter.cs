using NWaves.Filters.Base;
using NWaves.Signals;

namespace EcgXai.Datasets;

/// <summary>Zero-phase (forward-backward) second-order Butterworth high-pass that removes baseline wander; NWaves does the filtering.</summary>
public static class BaselineFilter
{
    /// <summary>Filters <paramref name="samples"/> (at <paramref name="sampleRate"/> Hz) in place with cut-off <paramref name="cutoffHz"/>.</summary>
    public static void Apply(Span<float> samples, double sampleRate, double cutoffHz)
    {
        if (!(cutoffHz > 0) || cutoffHz >= sampleRate / 2)
        {
            throw new ArgumentException($"high-pass cut-off {cutoffHz} Hz must lie between 0 and the Nyquist frequency {sampleRate / 2} Hz");
        }
        TransferFunction tf = new NWaves.Filters.Butterworth.HighPassFilter(cutoffHz / sampleRate, 2).Tf;
        var filter = new ZiFilter(tf);
        int pad = Math.Min(samples.Length - 1, 3 * Math.Max(tf.Numerator.Length, tf.Denominator.Length));
        DiscreteSignal filtered = filter.ZeroPhase(new DiscreteSignal((int)Math.Round(sampleRate), samples.ToArray()), pad);
        filtered.Samples.AsSpan(0, samples.Length).CopyTo(samples);
    }
}
