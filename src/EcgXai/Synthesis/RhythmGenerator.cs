namespace EcgXai.Synthesis;

/// <summary>
/// RR-interval processes: sinus rhythm with respiratory sinus arrhythmia plus an AR(1) component (coefficient of
/// variation about <see cref="SyntheticPatient.RrVariability"/>), and atrial fibrillation with independent
/// log-normal intervals (irregularly irregular).
/// </summary>
internal static class RhythmGenerator
{
    /// <summary>Shortest RR the AV node conducts in AF, seconds.</summary>
    private const double MinimumAfRr = 0.27;

    /// <summary>Beats covering [-2.5 s, duration + 0.5 s], so waves run in and out at the record edges.</summary>
    public static List<Beat> Draw(SyntheticPatient patient, double durationSeconds, SynthRandom rng)
    {
        double meanRr = 60.0 / patient.HeartRate;
        double cv = patient.RrVariability;
        double phase = rng.Uniform(0, 2 * Math.PI);
        double ar = 0;
        var beats = new List<Beat>();
        double t = -2.5 + rng.Uniform(0, meanRr);
        double rr = meanRr;
        while (t < durationSeconds + 0.5)
        {
            beats.Add(new Beat(t, rr));
            if (patient.IsAtrialFibrillation)
            {
                rr = Math.Max(MinimumAfRr, meanRr * Math.Exp((cv * rng.Normal()) - (cv * cv / 2)));
            }
            else
            {
                ar = (0.6 * ar) + (0.4 * cv * rng.Normal());
                rr = meanRr * (1 + (cv * Math.Sin((2 * Math.PI * patient.RespiratoryRate * t) + phase)) + ar);
            }
            t += rr;
        }
        return beats;
    }
}
