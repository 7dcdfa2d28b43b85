using System.Numerics;
using EcgXai.Signals;

namespace EcgXai.Synthesis;

/// <summary>
/// Generates synthetic 12-lead ECGs with ground truth. A patient is drawn from the settings, a rhythm schedules the
/// beats, each beat adds its Gaussian waves to a 3-D cardiac dipole (plus fibrillatory waves in AF), the dipole is
/// rotated to the patient's axis and projected onto nine electrodes, noise is added per electrode, and leads I and II
/// (then III, aVR, aVL, aVF from them) and V1–V6 (against Wilson's central terminal) are formed.
/// </summary>
public static class EcgSynthesizer
{
    /// <summary>Record <paramref name="index"/> of the data set <paramref name="seed"/>: the same arguments give the same record.</summary>
    public static SyntheticRecord Generate(SynthesisSettings settings, ulong seed, int index, double durationSeconds, string id)
    {
        var rng = new SynthRandom(seed, (ulong)index);
        SyntheticPatient patient = SyntheticPatient.Draw(settings, rng);
        return Render(id, patient, settings.Noise, settings.SampleRate, durationSeconds, rng);
    }

    /// <summary>Renders a given patient (e.g. one drawn by <see cref="SyntheticPatient.Draw"/> and changed with <c>with</c>).</summary>
    public static SyntheticRecord Render(string id, SyntheticPatient patient, NoiseSettings noise, double sampleRate, double durationSeconds, SynthRandom rng) =>
        Render(id, patient, noise, sampleRate, durationSeconds, rng, null, null);

    /// <summary>
    /// Renders with edits between the stages (planted evidence): <paramref name="editRhythm"/> changes the beat schedule,
    /// <paramref name="editBeat"/> each beat's waves; both see the same random streams as an unedited rendering.
    /// </summary>
    internal static SyntheticRecord Render(string id, SyntheticPatient patient, NoiseSettings noise, double sampleRate, double durationSeconds, SynthRandom rng,
        Func<List<Beat>, List<Beat>>? editRhythm, Func<BeatWaves, BeatWaves>? editBeat)
    {
        int n = (int)Math.Round(durationSeconds * sampleRate);
        if (n < 1 || !(sampleRate > 0))
        {
            throw new ArgumentException($"a record needs a positive duration and sample rate (got {durationSeconds} s at {sampleRate} Hz)");
        }
        List<Beat> rhythm = RhythmGenerator.Draw(patient, durationSeconds, rng.Fork(1));
        rhythm = editRhythm?.Invoke(rhythm) ?? rhythm;
        var beats = rhythm.Select(b => BeatMorphology.Build(patient, b)).Select(b => editBeat?.Invoke(b) ?? b).ToList();

        var dipole = new double[3][];
        for (int k = 0; k < 3; k++)
        {
            dipole[k] = new double[n];
        }
        Matrix4x4 rotation = Matrix4x4.CreateRotationZ((float)(patient.FrontalRotation * Math.PI / 180))
            * Matrix4x4.CreateRotationY((float)(patient.HorizontalRotation * Math.PI / 180));
        foreach (WaveComponent c in beats.SelectMany(b => b.Components))
        {
            AddGaussian(dipole, c.Center, c.Sigma, Vector3.Transform(c.Amplitude, rotation), sampleRate);
        }
        Vector3 atrialAxis = Vector3.Transform(patient.FWaveAxis ?? FWaveDirection, rotation);
        if (patient.IsAtrialFibrillation)
        {
            AddFibrillatoryWaves(dipole, patient, sampleRate, atrialAxis, rng.Fork(2));
        }
        else if (patient.IsAtrialFlutter)
        {
            AddFlutterWaves(dipole, patient, sampleRate, atrialAxis, rng.Fork(2));
        }

        double[][] electrodes = Project(dipole, patient);
        if (!noise.IsSilent)
        {
            NoiseGenerator.Add(electrodes, sampleRate, noise, patient.NoiseScale, patient.RespiratoryRate, rng.Fork(3));
        }
        float[] samples = FormLeads(electrodes, n);
        var waves = new WaveAnnotation(sampleRate, BeatSamples(beats, sampleRate, n), PaintLabels(beats, patient, sampleRate, n));
        var record = new EcgRecord(id, samples, 12, sampleRate, LeadNames.Standard12, patient.Age, patient.Sex,
            patient.Labels, patient.Labels, "synthetic:" + id);
        return new SyntheticRecord(record, waves, patient);
    }

    private static readonly Vector3 FWaveDirection = Vector3.Normalize(new Vector3(0.2f, 0.55f, 0.8f));

    private static void AddGaussian(double[][] dipole, double centre, double sigma, Vector3 v, double fs)
    {
        int n = dipole[0].Length;
        int from = Math.Max(0, (int)Math.Ceiling((centre - (5 * sigma)) * fs));
        int to = Math.Min(n - 1, (int)Math.Floor((centre + (5 * sigma)) * fs));
        double inv = -1.0 / (2 * sigma * sigma);
        for (int i = from; i <= to; i++)
        {
            double dt = (i / fs) - centre;
            double g = Math.Exp(dt * dt * inv);
            dipole[0][i] += v.X * g;
            dipole[1][i] += v.Y * g;
            dipole[2][i] += v.Z * g;
        }
    }

    /// <summary>Atrial activity of AF: a sinusoid at the dominant atrial frequency with slow frequency (±0.4 Hz) and amplitude (±30 %) modulation.</summary>
    private static void AddFibrillatoryWaves(double[][] dipole, SyntheticPatient patient, double fs, Vector3 direction, SynthRandom rng)
    {
        double phase = rng.Uniform(0, 2 * Math.PI);
        double fmPhase = rng.Uniform(0, 2 * Math.PI);
        double amPhase = rng.Uniform(0, 2 * Math.PI);
        for (int i = 0; i < dipole[0].Length; i++)
        {
            double t = i / fs;
            double a = patient.FWaveAmplitude * (1 + (0.3 * Math.Sin((2 * Math.PI * 0.15 * t) + amPhase)));
            double f = a * Math.Sin(phase);
            phase += 2 * Math.PI * (patient.FWaveFrequency + (0.4 * Math.Sin((2 * Math.PI * 0.12 * t) + fmPhase))) / fs;
            dipole[0][i] += direction.X * f;
            dipole[1][i] += direction.Y * f;
            dipole[2][i] += direction.Z * f;
        }
    }

    /// <summary>Atrial flutter: a sawtooth (first three harmonics, steep downstroke) at the flutter frequency along the atrial axis.</summary>
    private static void AddFlutterWaves(double[][] dipole, SyntheticPatient patient, double fs, Vector3 direction, SynthRandom rng)
    {
        double phase = rng.Uniform(0, 2 * Math.PI);
        double w = 2 * Math.PI * patient.FWaveFrequency / fs;
        for (int i = 0; i < dipole[0].Length; i++)
        {
            double x = (w * i) + phase;
            double f = patient.FWaveAmplitude * (Math.Sin(x) - (Math.Sin(2 * x) / 2) + (Math.Sin(3 * x) / 3));
            dipole[0][i] += direction.X * f;
            dipole[1][i] += direction.Y * f;
            dipole[2][i] += direction.Z * f;
        }
    }

    private static double[][] Project(double[][] dipole, SyntheticPatient patient)
    {
        int n = dipole[0].Length;
        var electrodes = new double[LeadGeometry.ElectrodeCount][];
        for (int e = 0; e < electrodes.Length; e++)
        {
            Vector3 u = LeadGeometry.Electrodes[e];
            double gain = e >= LeadGeometry.FirstPrecordial ? patient.PrecordialGains[e - LeadGeometry.FirstPrecordial] : 1.0;
            var v = new double[n];
            for (int i = 0; i < n; i++)
            {
                v[i] = gain * ((u.X * dipole[0][i]) + (u.Y * dipole[1][i]) + (u.Z * dipole[2][i]));
            }
            electrodes[e] = v;
        }
        return electrodes;
    }

    private static float[] FormLeads(double[][] electrodes, int n)
    {
        var samples = new float[12 * n];
        double[] ra = electrodes[LeadGeometry.RightArm];
        double[] la = electrodes[LeadGeometry.LeftArm];
        double[] ll = electrodes[LeadGeometry.LeftLeg];
        for (int i = 0; i < n; i++)
        {
            samples[i] = (float)(la[i] - ra[i]);
            samples[n + i] = (float)(ll[i] - ra[i]);
            double wilson = (ra[i] + la[i] + ll[i]) / 3;
            for (int v = 0; v < 6; v++)
            {
                samples[((6 + v) * n) + i] = (float)(electrodes[LeadGeometry.FirstPrecordial + v][i] - wilson);
            }
        }
        LeadGeometry.DeriveLimbLeads(samples, n);
        return samples;
    }

    private static int[] BeatSamples(List<BeatWaves> beats, double fs, int n) =>
        beats.Select(b => (int)Math.Round(b.RPeak * fs)).Where(s => s >= 0 && s < n).ToArray();

    /// <summary>Labels per sample (see <see cref="WavePainter"/>); a boundary at time t falls on sample ⌈t·fs⌉.</summary>
    private static WaveLabel[] PaintLabels(List<BeatWaves> beats, SyntheticPatient patient, double fs, int n)
    {
        int S(double t) => (int)Math.Clamp(Math.Ceiling(t * fs), -1, n + 1.0);
        var windows = beats.Select(b => new BeatWindows(
            S(b.RPeak), double.IsNaN(b.POnset) ? null : S(b.POnset), double.IsNaN(b.POffset) ? null : S(b.POffset),
            S(b.QrsOnset), S(b.QrsOffset), S(b.TOnset), S(b.TOffset)));
        return WavePainter.Paint(n, patient.HasAtrialArrhythmia ? WaveLabel.FWave : WaveLabel.Baseline, windows);
    }
}
