namespace EcgXai.Synthesis;

/// <summary>
/// RR-interval processes: sinus rhythm with respiratory sinus arrhythmia plus an AR(1) component (coefficient of
/// variation about <see cref="SyntheticPatient.RrVariability"/>), optionally interrupted by premature beats (coupling
/// 55–75 % of the sinus RR; a ventricular one is followed by a compensatory pause, an atrial one resets the sinus node);
/// atrial fibrillation with independent log-normal intervals (irregularly irregular); and atrial flutter whose ventricles
/// follow every 2nd, 3rd or 4th flutter wave (variable block: RR in multiples of the flutter cycle).
/// </summary>
internal static class RhythmGenerator
{
    /// <summary>Shortest RR the AV node conducts in AF, seconds.</summary>
    private const double MinimumAfRr = 0.27;

    /// <summary>Beats covering [-2.5 s, duration + 0.5 s], so waves run in and out at the record edges.</summary>
    public static List<Beat> Draw(SyntheticPatient patient, double durationSeconds, SynthRandom rng)
    {
        if (patient.IsAtrialFlutter)
        {
            return Flutter(patient, durationSeconds, rng);
        }
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
                if (patient.EctopyRate > 0 && rng.Bernoulli(patient.EctopyRate))
                {
                    double coupling = rr * rng.Uniform(0.55, 0.75);
                    bool ventricular = rng.Bernoulli(patient.VentricularEctopyShare);
                    t += coupling;
                    beats.Add(new Beat(t, coupling, ventricular ? BeatKind.PrematureVentricular : BeatKind.PrematureAtrial));
                    // Compensatory pause after a PVC (the sinus node kept its rhythm); an atrial beat resets the sinus node.
                    rr = ventricular ? (2 * rr) - coupling : rr;
                }
            }
            t += rr;
        }
        return beats;
    }

    private static List<Beat> Flutter(SyntheticPatient patient, double durationSeconds, SynthRandom rng)
    {
        double cycle = 1 / patient.FWaveFrequency;
        var beats = new List<Beat>();
        double rr = 3 * cycle;
        for (double t = -2.5 + rng.Uniform(0, rr); t < durationSeconds + 0.5; t += rr)
        {
            beats.Add(new Beat(t, rr));
            double u = rng.NextDouble();
            rr = cycle * (u < 0.4 ? 2 : u < 0.75 ? 3 : 4);
        }
        return beats;
    }
}
