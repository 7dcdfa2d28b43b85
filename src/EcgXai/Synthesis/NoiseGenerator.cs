namespace EcgXai.Synthesis;

/// <summary>
/// Adds noise to electrode potentials: baseline wander (respiration plus a slower drift), power-line interference
/// (common phase, electrode-specific coupling), EMG (white Gaussian) and electrode-motion bursts on single electrodes.
/// Noise lives on electrodes, so it reaches the leads through the same differences as the heart's signal.
/// </summary>
internal static class NoiseGenerator
{
    /// <summary>Adds noise of <paramref name="levels"/> times <paramref name="scale"/> to every electrode signal.</summary>
    public static void Add(double[][] electrodes, double sampleRate, NoiseSettings levels, double scale, double respiratoryRate, SynthRandom rng)
    {
        int n = electrodes[0].Length;
        double w = 2 * Math.PI / sampleRate;
        double mainsPhase = rng.Uniform(0, 2 * Math.PI);
        double driftRate = rng.Uniform(0.03, 0.1);
        // sin(wt + phase) = sin(wt) cos(phase) + cos(wt) sin(phase): the three sinusoids are computed once per sample.
        var resp = Phasor(n, w * respiratoryRate, 0);
        var drift = Phasor(n, w * driftRate, 0);
        var mainsWave = Phasor(n, w * levels.MainsFrequency, mainsPhase);
        var normals = new double[n + 1];
        foreach (double[] e in electrodes)
        {
            double wander = levels.BaselineWander * scale * rng.Uniform(0.3, 1.0);
            double respPhase = rng.Uniform(0, 2 * Math.PI);
            double driftPhase = rng.Uniform(0, 2 * Math.PI);
            double mains = levels.MainsAmplitude * scale * rng.NextDouble();
            double emg = levels.Emg * scale * rng.Uniform(0.5, 1.5);
            double rc = 0.7 * wander * Math.Cos(respPhase), rs = 0.7 * wander * Math.Sin(respPhase);
            double dc = 0.3 * wander * Math.Cos(driftPhase), ds = 0.3 * wander * Math.Sin(driftPhase);
            if (emg > 0)
            {
                FillNormals(normals, rng);
            }
            for (int t = 0; t < n; t++)
            {
                e[t] += (rc * resp.Sin[t]) + (rs * resp.Cos[t]) + (dc * drift.Sin[t]) + (ds * drift.Cos[t])
                    + (mains * mainsWave.Sin[t]) + (emg * normals[t]);
            }
        }
        AddMotionBursts(electrodes, sampleRate, levels, scale, rng);
    }

    private static (double[] Sin, double[] Cos) Phasor(int n, double omega, double phase)
    {
        var sin = new double[n];
        var cos = new double[n];
        for (int t = 0; t < n; t++)
        {
            (sin[t], cos[t]) = Math.SinCos((omega * t) + phase);
        }
        return (sin, cos);
    }

    /// <summary>Standard normals by the Box–Muller transform, both values of each pair used.</summary>
    private static void FillNormals(double[] target, SynthRandom rng)
    {
        for (int t = 0; t + 1 < target.Length; t += 2)
        {
            double r = Math.Sqrt(-2.0 * Math.Log(1.0 - rng.NextDouble()));
            (double s, double c) = Math.SinCos(2.0 * Math.PI * rng.NextDouble());
            target[t] = r * c;
            target[t + 1] = r * s;
        }
    }

    private static void AddMotionBursts(double[][] electrodes, double sampleRate, NoiseSettings levels, double scale, SynthRandom rng)
    {
        int n = electrodes[0].Length;
        double expected = levels.MotionRate * n / sampleRate;
        if (expected <= 0 || levels.MotionAmplitude <= 0)
        {
            return;
        }
        // Poisson count by Knuth's product of uniforms.
        int bursts = -1;
        for (double p = 1, limit = Math.Exp(-expected); p > limit; p *= rng.NextDouble())
        {
            bursts++;
        }
        for (int b = 0; b < bursts; b++)
        {
            double[] e = electrodes[rng.NextInt(electrodes.Length)];
            int start = rng.NextInt(n);
            int length = (int)(rng.Uniform(0.2, 0.8) * sampleRate);
            double amplitude = levels.MotionAmplitude * scale * rng.Uniform(0.3, 1.0) * (rng.Bernoulli(0.5) ? 1 : -1);
            for (int i = 0; i < length && start + i < n; i++)
            {
                e[start + i] += amplitude * 0.5 * (1 - Math.Cos(2 * Math.PI * i / length));
            }
        }
    }
}
