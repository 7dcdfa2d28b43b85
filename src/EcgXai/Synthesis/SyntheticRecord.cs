using EcgXai.Signals;

namespace EcgXai.Synthesis;

/// <summary>A generated record with its ground truth and the patient it was drawn from.</summary>
/// <param name="Record">The 12-lead signal (leads I, II, III, aVR, aVL, aVF, V1–V6, mV) with demographics and labels.</param>
/// <param name="Waves">Beat times and per-sample wave labels.</param>
/// <param name="Patient">The drawn patient parameters.</param>
public sealed record SyntheticRecord(EcgRecord Record, WaveAnnotation Waves, SyntheticPatient Patient)
{
    /// <summary>
    /// The same record at a rate <paramref name="factor"/> times lower, low-pass filtered first (windowed-sinc FIR designed
    /// by NWaves, cut-off at 80 % of the new Nyquist frequency, applied centred so waves do not shift). Leads I, II and
    /// V1–V6 are filtered; III, aVR, aVL and aVF are derived again so the limb-lead identities still hold exactly.
    /// </summary>
    public SyntheticRecord Decimate(int factor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 2);
        int n = Record.SampleCount;
        int m = (n + factor - 1) / factor;
        double[] kernel = DecimationKernel(factor);
        int half = kernel.Length / 2;
        var samples = new float[12 * m];
        foreach (int lead in (int[])[0, 1, 6, 7, 8, 9, 10, 11])
        {
            ReadOnlySpan<float> x = Record.Lead(lead);
            for (int k = 0; k < m; k++)
            {
                double acc = 0;
                for (int j = 0; j < kernel.Length; j++)
                {
                    int i = Math.Clamp((k * factor) + j - half, 0, n - 1);
                    acc += kernel[j] * x[i];
                }
                samples[(lead * m) + k] = (float)acc;
            }
        }
        LeadGeometry.DeriveLimbLeads(samples, m);
        return new SyntheticRecord(Record with { Samples = samples, SampleRate = Record.SampleRate / factor }, Waves.Decimate(factor), Patient);
    }

    /// <summary>The low-pass FIR of <see cref="Decimate"/> (odd length, centred).</summary>
    internal static double[] DecimationKernel(int factor) =>
        NWaves.Filters.Fda.DesignFilter.FirWinLp((20 * factor) + 1, 0.4 / factor, NWaves.Windows.WindowType.Blackman);

    /// <summary>
    /// Low-rate samples on each side of a change that its decimated image reaches with at least <paramref name="fraction"/>
    /// of the filter's peak tap (the rest of the filter's reach carries less).
    /// </summary>
    internal static int DecimationReach(int factor, double fraction)
    {
        double[] kernel = DecimationKernel(factor);
        int half = kernel.Length / 2;
        double peak = kernel.Max(Math.Abs);
        int reach = Enumerable.Range(0, kernel.Length).Where(j => Math.Abs(kernel[j]) >= fraction * peak).Max(j => Math.Abs(j - half));
        return (reach + factor - 1) / factor;
    }
}
