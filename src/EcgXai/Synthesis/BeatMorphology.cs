using System.Numerics;

namespace EcgXai.Synthesis;

/// <summary>
/// The waves of one beat as sums of Gaussians (McSharry et al. 2003, extended to a 3-D dipole as in Sameni et al. 2007).
/// Every wave spans its Gaussians' centres ± 2.5 sigma, which are its labelled boundaries. The QRS is a sequence of
/// activation fronts: septum (left to right), apex and anterior wall, lateral/posterior free wall, base. RBBB adds a
/// late rightward-anterior front (R' in V1, broad S in I and V6); LBBB reverses the septum and splits slow left-ventricular
/// activation into two fronts (broad notched R in I, V5, V6; QS in V1). Bundle branch blocks have discordant T waves.
/// </summary>
internal static class BeatMorphology
{
    private const double NormalLvActivation = 0.09;

    private static readonly Vector3 Septum = new(-0.12f, 0.05f, 0.30f);
    private static readonly Vector3 Apex = new(0.50f, 0.70f, 0.50f);
    private static readonly Vector3 FreeWall = new(0.90f, 0.20f, -0.65f);
    private static readonly Vector3 Base = new(-0.25f, -0.30f, -0.20f);
    private static readonly Vector3 RightVentricleLate = new(-0.55f, -0.05f, 0.75f);
    private static readonly Vector3 SeptumReversed = new(0.20f, 0.05f, -0.15f);
    private static readonly Vector3 LeftVentricleEarly = new(1.10f, 0.40f, -0.65f);
    private static readonly Vector3 LeftVentricleLate = new(1.25f, 0.00f, -0.75f);
    private static readonly Vector3 RightAtrium = new(0.025f, 0.13f, 0.055f);
    private static readonly Vector3 LeftAtrium = new(0.11f, 0.07f, -0.055f);
    private static readonly Vector3 NormalT = new(0.35f, 0.25f, 0.30f);
    private static readonly Vector3 RbbbT = new(0.35f, 0.25f, -0.10f);
    private static readonly Vector3 LbbbT = new(-0.40f, -0.05f, 0.40f);
    private static readonly Vector3 EctopicEarly = new(-0.45f, 0.85f, 0.55f);
    private static readonly Vector3 EctopicLate = new(-0.30f, 0.70f, 0.95f);
    private static readonly Vector3 EctopicT = new(0.30f, -0.35f, -0.40f);
    private static readonly Vector3 LowAtrialFlip = new(1, -1, 1);

    /// <summary>QRS duration of a premature ventricular beat, seconds.</summary>
    private const double VentricularEctopicQrs = 0.15;

    /// <summary>Builds the beat whose QRS starts at <paramref name="beat"/>.</summary>
    public static BeatWaves Build(SyntheticPatient patient, Beat beat)
    {
        var components = new List<WaveComponent>(9);
        double q0 = beat.QrsOnset;
        bool ventricular = beat.Kind == BeatKind.PrematureVentricular;
        double d = ventricular ? VentricularEctopicQrs : patient.QrsDuration;
        float qrsScale = (float)patient.QrsAmplitude;
        bool rbbb = !ventricular && patient.Has(SyntheticLabels.RightBundleBranchBlock);
        bool lbbb = !ventricular && patient.Has(SyntheticLabels.LeftBundleBranchBlock);
        void Add(double centre, double sigma, Vector3 v, float scale) => components.Add(new WaveComponent(centre, sigma, v * scale));

        double rPeak;
        if (ventricular)
        {
            // Slow cell-to-cell activation from an ectopic focus: two broad fronts, no P wave, discordant T.
            Add(q0 + (0.3 * d), 0.12 * d, EctopicEarly, qrsScale);
            Add(q0 + (0.68 * d), 0.12 * d, EctopicLate, qrsScale);
            rPeak = q0 + (0.3 * d);
        }
        else if (lbbb)
        {
            Add(q0 + (0.12 * d), 0.048 * d, SeptumReversed, qrsScale);
            Add(q0 + (0.325 * d), 0.13 * d, LeftVentricleEarly, qrsScale);
            Add(q0 + (0.675 * d), 0.13 * d, LeftVentricleLate, qrsScale);
            rPeak = q0 + (0.325 * d);
        }
        else
        {
            double lv = rbbb ? NormalLvActivation : d;
            Add(q0 + (0.175 * lv), 0.07 * lv, Septum, qrsScale);
            Add(q0 + (0.40 * lv), 0.12 * lv, Apex, qrsScale);
            Add(q0 + (0.55 * lv), 0.12 * lv, FreeWall, qrsScale);
            if (rbbb)
            {
                double sigma = (d - (0.55 * lv)) / 5;
                Add(q0 + d - (2.5 * sigma), sigma, RightVentricleLate, qrsScale);
            }
            else
            {
                Add(q0 + (0.80 * lv), 0.08 * lv, Base, qrsScale);
            }
            rPeak = q0 + (0.5 * lv);
        }

        // QT adapts to the preceding RR (Bazett); a block lengthens it by its extra QRS width.
        double qtBase = patient.QTc * Math.Sqrt(beat.RrBefore);
        double tOffset = q0 + qtBase + Math.Max(0, d - 0.1);
        double tDuration = Math.Clamp(0.45 * qtBase, 0.1, 0.22);
        double minimumSt = rbbb || lbbb ? 0.01 : 0.02;
        double tOnset = Math.Max(tOffset - tDuration, q0 + d + minimumSt);
        tDuration = tOffset - tOnset;
        Vector3 t = ventricular ? EctopicT : lbbb ? LbbbT : rbbb ? RbbbT : NormalT;
        float tScale = (float)(patient.TAmplitude * Math.Pow(patient.QrsAmplitude, 0.8));
        double s1 = tDuration / 5;
        double s2 = tDuration / 8;
        Add(tOnset + (2.5 * s1), s1, t, 0.6f * tScale);
        Add(tOffset - (2.5 * s2), s2, t, 0.5f * tScale);

        double pOnset = double.NaN;
        double pOffset = double.NaN;
        if (!patient.HasAtrialArrhythmia && !ventricular)
        {
            // The P wave may not reach back into the previous QRS (fast rates, short RR after sinus arrhythmia). A premature
            // atrial beat starts low in the atria: inverted P in the inferior leads, slightly shorter PR.
            bool atrialEctopic = beat.Kind == BeatKind.PrematureAtrial;
            double pr = Math.Min(patient.PrInterval * (atrialEctopic ? 0.85 : 1), beat.RrBefore - d - 0.05);
            double pDuration = Math.Min(patient.PDuration, pr - 0.03);
            pOnset = q0 - pr;
            pOffset = pOnset + pDuration;
            double sigma = pDuration / 6.5;
            float pScale = (float)patient.PAmplitude;
            Vector3 flip = atrialEctopic ? LowAtrialFlip : Vector3.One;
            Add(pOnset + (2.5 * sigma), sigma, RightAtrium * flip, pScale);
            Add(pOffset - (2.5 * sigma), sigma, LeftAtrium * flip, pScale);
        }
        return new BeatWaves(components, pOnset, pOffset, q0, q0 + d, tOnset, tOffset, rPeak);
    }
}
