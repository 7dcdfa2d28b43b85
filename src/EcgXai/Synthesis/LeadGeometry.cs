using System.Numerics;

namespace EcgXai.Synthesis;

/// <summary>
/// Where the electrodes see the cardiac dipole (heart coordinates: x to the patient's left, y inferior, z anterior)
/// and how the 12 leads follow from electrode potentials. The limb electrodes sit on Einthoven's triangle, scaled
/// so that lead I = x and lead II = x cos 60° + y sin 60°; the precordial electrodes lie in the horizontal plane.
/// </summary>
internal static class LeadGeometry
{
    /// <summary>Electrode indices: right arm, left arm, left leg, then V1–V6.</summary>
    public const int RightArm = 0, LeftArm = 1, LeftLeg = 2, FirstPrecordial = 3, ElectrodeCount = 9;

    private static readonly double[] PrecordialAngles = [120, 95, 78, 60, 30, 0];

    /// <summary>Unit lead vector of each electrode.</summary>
    public static IReadOnlyList<Vector3> Electrodes { get; } = BuildElectrodes();

    /// <summary>
    /// Fills the derived limb leads (rows 2–5: III, aVR, aVL, aVF) of a 12-lead record from rows 0 (I) and 1 (II), so
    /// that Einthoven's and Goldberger's relations hold exactly in float arithmetic.
    /// </summary>
    public static void DeriveLimbLeads(float[] samples, int sampleCount)
    {
        for (int t = 0; t < sampleCount; t++)
        {
            float i = samples[t];
            float ii = samples[sampleCount + t];
            samples[(2 * sampleCount) + t] = ii - i;
            samples[(3 * sampleCount) + t] = -(i + ii) / 2;
            samples[(4 * sampleCount) + t] = i - (ii / 2);
            samples[(5 * sampleCount) + t] = ii - (i / 2);
        }
    }

    private static Vector3[] BuildElectrodes()
    {
        static Vector3 Frontal(double degrees)
        {
            double r = degrees * Math.PI / 180;
            return new Vector3((float)(Math.Cos(r) / Math.Sqrt(3)), (float)(Math.Sin(r) / Math.Sqrt(3)), 0);
        }
        var electrodes = new List<Vector3> { Frontal(-150), Frontal(-30), Frontal(90) };
        foreach (double a in PrecordialAngles)
        {
            double r = a * Math.PI / 180;
            electrodes.Add(new Vector3((float)Math.Cos(r), 0, (float)Math.Sin(r)));
        }
        return electrodes.ToArray();
    }
}
