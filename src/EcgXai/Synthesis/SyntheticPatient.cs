using System.Numerics;
using EcgXai.Signals;

namespace EcgXai.Synthesis;

/// <summary>
/// Everything drawn once per synthetic record before rendering: labels, demographics, rate, intervals, electrical
/// axis, wave amplitudes and noise factor. Change fields with <c>with</c> to request a specific patient.
/// </summary>
/// <param name="Labels">Labels in the common label space, rhythm first.</param>
/// <param name="Age">Age in years.</param>
/// <param name="Sex">Sex.</param>
/// <param name="HeartRate">Mean (ventricular) heart rate, bpm.</param>
/// <param name="RrVariability">Sinus: coefficient of variation of RR; AF: log-normal sigma of RR.</param>
/// <param name="RespiratoryRate">Respiration frequency driving sinus arrhythmia, Hz.</param>
/// <param name="PrInterval">PR interval (P onset to QRS onset), seconds; ignored in AF.</param>
/// <param name="PDuration">P wave duration, seconds.</param>
/// <param name="QrsDuration">QRS duration, seconds.</param>
/// <param name="QTc">Bazett-corrected QT, seconds (QT = QTc·√RR, plus the QRS widening of a block).</param>
/// <param name="FrontalRotation">Rotation of the heart vector in the frontal plane, degrees (positive: rightward axis).</param>
/// <param name="HorizontalRotation">Rotation in the horizontal plane, degrees (moves the precordial transition zone).</param>
/// <param name="QrsAmplitude">Scale of QRS amplitudes.</param>
/// <param name="PAmplitude">Scale of P amplitudes.</param>
/// <param name="TAmplitude">Scale of T amplitudes.</param>
/// <param name="FWaveAmplitude">Amplitude of AF fibrillatory waves, mV.</param>
/// <param name="FWaveFrequency">Dominant atrial frequency in AF, Hz.</param>
/// <param name="PrecordialGains">Electrode-distance gains of V1–V6 (six values).</param>
/// <param name="NoiseScale">Factor on every noise level of this record.</param>
public sealed record SyntheticPatient(
    IReadOnlyList<string> Labels,
    int Age,
    Sex Sex,
    double HeartRate,
    double RrVariability,
    double RespiratoryRate,
    double PrInterval,
    double PDuration,
    double QrsDuration,
    double QTc,
    double FrontalRotation,
    double HorizontalRotation,
    double QrsAmplitude,
    double PAmplitude,
    double TAmplitude,
    double FWaveAmplitude,
    double FWaveFrequency,
    IReadOnlyList<double> PrecordialGains,
    double NoiseScale)
{
    private static readonly double[] BasePrecordialGains = [1.0, 1.5, 1.6, 1.5, 1.2, 0.9];

    /// <summary>True when the record is atrial fibrillation.</summary>
    public bool IsAtrialFibrillation => Has(SyntheticLabels.AtrialFibrillation);

    /// <summary>True when the record is atrial flutter (regular flutter waves, variable AV block).</summary>
    public bool IsAtrialFlutter => Has(SyntheticLabels.AtrialFlutter);

    /// <summary>True when the atria do not beat in sinus rhythm (AF or flutter): no P waves.</summary>
    public bool HasAtrialArrhythmia => IsAtrialFibrillation || IsAtrialFlutter;

    /// <summary>Probability that a sinus beat is followed by a premature beat (0 in the plain presets).</summary>
    public double EctopyRate { get; init; }

    /// <summary>Share of premature beats that are ventricular (the rest are atrial).</summary>
    public double VentricularEctopyShare { get; init; }

    /// <summary>Axis of fibrillatory or flutter waves (heart coordinates, unit length); null for the built-in axis.</summary>
    public Vector3? FWaveAxis { get; init; }

    /// <summary>True when the record has the label.</summary>
    public bool Has(string label) => Labels.Contains(label);

    /// <summary>Draws a patient of the population described by <paramref name="settings"/>.</summary>
    public static SyntheticPatient Draw(SynthesisSettings settings, SynthRandom rng)
    {
        IReadOnlyList<string> labels = settings.Classes.Draw(rng);
        bool af = labels.Contains(SyntheticLabels.AtrialFibrillation);
        bool block = labels.Contains(SyntheticLabels.RightBundleBranchBlock) || labels.Contains(SyntheticLabels.LeftBundleBranchBlock);
        bool lbbb = labels.Contains(SyntheticLabels.LeftBundleBranchBlock);
        Sex sex = rng.Bernoulli(settings.FemaleFraction) ? Sex.Female : Sex.Male;
        double ageShift = (af ? 8 : 0) + (block ? 5 : 0) - (labels.Contains(SyntheticLabels.SinusTachycardia) ? 5 : 0);
        int age = (int)Math.Round(Math.Clamp(settings.Age.Draw(rng) + ageShift, settings.Age.Min, settings.Age.Max));

        HardSettings? hard = settings.Hard;
        double qrs = block ? rng.Uniform(hard?.BlockQrsMin ?? 0.125, hard?.BlockQrsMax ?? 0.165) : (hard?.NormalQrs ?? DefaultQrs).Draw(rng);
        double pr = labels.Contains(SyntheticLabels.FirstDegreeAvBlock) ? rng.Uniform(hard?.BlockPrMin ?? 0.21, hard?.BlockPrMax ?? 0.32) : (hard?.NormalPr ?? DefaultPr).Draw(rng);
        ClampedNormal rate = af ? settings.AfRate
            : labels.Contains(SyntheticLabels.SinusBradycardia) ? settings.BradycardiaRate
            : labels.Contains(SyntheticLabels.SinusTachycardia) ? settings.TachycardiaRate
            : settings.NormalRate;
        double heartRate = rate.Draw(rng);
        // The next P wave must start after this beat's QRS: a first-degree block caps the rate, otherwise the PR shortens.
        if (labels.Contains(SyntheticLabels.FirstDegreeAvBlock))
        {
            heartRate = Math.Min(heartRate, 60.0 / (pr + qrs + 0.1));
        }
        else if (!af)
        {
            pr = Math.Min(pr, (60.0 / heartRate) - qrs - 0.1);
        }
        double pDuration = Math.Min(rng.Normal(0.095, 0.012, 0.07, 0.115), pr - 0.03);
        double qtc = rng.Normal(sex == Sex.Female ? 0.415 : 0.405, 0.018, 0.36, 0.46);
        double amplitude = settings.Amplitude * Math.Exp(settings.AmplitudeSpread * rng.Normal()) * (sex == Sex.Female ? 0.85 : 1.0) * (age > 70 ? 0.9 : 1.0);
        double[] gains = BasePrecordialGains.Select(g => g * Math.Exp(0.1 * rng.Normal())).ToArray();
        var patient = new SyntheticPatient(
            Labels: labels,
            Age: age,
            Sex: sex,
            HeartRate: heartRate,
            RrVariability: af ? rng.Uniform(0.12, 0.28) : rng.Uniform(0.01, 0.04) * (age < 40 ? 1.5 : 1.0),
            RespiratoryRate: rng.Uniform(0.15, 0.35),
            PrInterval: pr,
            PDuration: pDuration,
            QrsDuration: qrs,
            QTc: qtc,
            FrontalRotation: settings.Axis.Draw(rng) - (lbbb ? 15 : 0),
            HorizontalRotation: rng.Normal(0, 12, -30, 30),
            QrsAmplitude: amplitude,
            PAmplitude: rng.Uniform(0.7, 1.3),
            TAmplitude: Math.Exp(0.25 * rng.Normal()),
            FWaveAmplitude: rng.Uniform(0.02, 0.12),
            FWaveFrequency: rng.Uniform(4.5, 8.5),
            PrecordialGains: gains,
            NoiseScale: Math.Exp((hard?.NoiseSpread ?? 0.5) * rng.Normal()));
        return hard is null ? patient : WithConfounders(patient, hard, rng);
    }

    private static readonly ClampedNormal DefaultQrs = new(0.09, 0.01, 0.07, 0.108);
    private static readonly ClampedNormal DefaultPr = new(0.155, 0.018, 0.12, 0.195);

    /// <summary>
    /// The <c>hard</c> preset's changes, drawn after everything else: weak AF f-waves of random axis and a range of RR
    /// irregularity; flutter with variable block for some records without rhythm label or AV block; marked sinus arrhythmia
    /// and premature beats in some sinus records.
    /// </summary>
    private static SyntheticPatient WithConfounders(SyntheticPatient p, HardSettings hard, SynthRandom rng)
    {
        var axis = Vector3.Normalize(new Vector3((float)rng.Normal(), (float)rng.Normal(), (float)rng.Normal()) + new Vector3(1e-3f, 0, 0));
        bool noRhythm = !p.Labels.Any(l => l is SyntheticLabels.AtrialFibrillation or SyntheticLabels.SinusBradycardia or SyntheticLabels.SinusTachycardia);
        bool flutter = noRhythm && !p.Has(SyntheticLabels.FirstDegreeAvBlock) && rng.Bernoulli(hard.Flutter);
        bool arrhythmia = rng.Bernoulli(hard.SinusArrhythmia);
        bool ectopy = rng.Bernoulli(hard.Ectopy);
        double ectopyRate = rng.Uniform(0.05, 0.15);
        double ventricularShare = rng.NextDouble();
        if (p.IsAtrialFibrillation)
        {
            return p with
            {
                FWaveAmplitude = rng.Uniform(hard.FWaveMin, hard.FWaveMax),
                RrVariability = rng.Uniform(hard.AfIrregularityMin, hard.AfIrregularityMax),
                FWaveAxis = axis,
            };
        }
        if (flutter)
        {
            // Flutter waves at 240–330 per minute; the ventricles follow every 2nd to 4th wave (heart rate set by the rhythm).
            string[] labels = [SyntheticLabels.AtrialFlutter, .. p.Labels.Where(l => l != SyntheticLabels.Normal)];
            return p with { Labels = labels, FWaveFrequency = rng.Uniform(4, 5.5), FWaveAmplitude = rng.Uniform(0.05, 0.2), FWaveAxis = axis };
        }
        // An early atrial beat would shorten the PR of a first-degree block below its limit: its ectopics are ventricular.
        return p with
        {
            RrVariability = arrhythmia ? rng.Uniform(0.06, 0.14) : p.RrVariability,
            EctopyRate = ectopy ? ectopyRate : 0,
            VentricularEctopyShare = p.Has(SyntheticLabels.FirstDegreeAvBlock) ? 1 : ventricularShare,
        };
    }
}
