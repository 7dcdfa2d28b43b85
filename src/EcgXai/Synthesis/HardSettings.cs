namespace EcgXai.Synthesis;

/// <summary>
/// What makes the <c>hard</c> preset hard: class parameters overlapping near the clinical limits, atrial fibrillation
/// with weak or lead-dependent fibrillatory waves and a range of RR irregularity, and irregular rhythms that are not AF
/// (marked sinus arrhythmia, premature atrial and ventricular beats, atrial flutter with variable block).
/// </summary>
/// <param name="NormalPr">PR interval without AV block, seconds (clinically ≤ 0.20).</param>
/// <param name="BlockPrMin">Shortest PR of first-degree AV block, seconds.</param>
/// <param name="BlockPrMax">Longest PR of first-degree AV block, seconds.</param>
/// <param name="NormalQrs">QRS duration without bundle branch block, seconds.</param>
/// <param name="BlockQrsMin">Shortest QRS of a bundle branch block, seconds.</param>
/// <param name="BlockQrsMax">Longest QRS of a bundle branch block, seconds.</param>
/// <param name="FWaveMin">Smallest fibrillatory-wave amplitude, mV.</param>
/// <param name="FWaveMax">Largest fibrillatory-wave amplitude, mV.</param>
/// <param name="AfIrregularityMin">Smallest log-normal sigma of AF RR intervals.</param>
/// <param name="AfIrregularityMax">Largest log-normal sigma of AF RR intervals.</param>
/// <param name="SinusArrhythmia">Probability that a sinus record has marked sinus arrhythmia (RR variation 6–14 %).</param>
/// <param name="Ectopy">Probability that a sinus record has premature beats (5–15 % of beats; atrial or ventricular).</param>
/// <param name="Flutter">Probability that a record without a rhythm label or AV block is atrial flutter with variable block (label AFL).</param>
/// <param name="NoiseSpread">Standard deviation of the log noise factor between records (the default data use 0.5).</param>
public sealed record HardSettings(
    ClampedNormal NormalPr,
    double BlockPrMin,
    double BlockPrMax,
    ClampedNormal NormalQrs,
    double BlockQrsMin,
    double BlockQrsMax,
    double FWaveMin,
    double FWaveMax,
    double AfIrregularityMin,
    double AfIrregularityMax,
    double SinusArrhythmia,
    double Ectopy,
    double Flutter,
    double NoiseSpread)
{
    /// <summary>The values of the <c>hard</c> preset.</summary>
    public static HardSettings Preset { get; } = new(
        NormalPr: new ClampedNormal(0.172, 0.018, 0.12, 0.2),
        BlockPrMin: 0.2,
        BlockPrMax: 0.24,
        NormalQrs: new ClampedNormal(0.096, 0.01, 0.07, 0.11),
        BlockQrsMin: 0.11,
        BlockQrsMax: 0.13,
        FWaveMin: 0.02,
        FWaveMax: 0.1,
        AfIrregularityMin: 0.1,
        AfIrregularityMax: 0.3,
        SinusArrhythmia: 0.2,
        Ectopy: 0.15,
        Flutter: 0.06,
        NoiseSpread: 0.8);

    /// <summary>Throws <see cref="ArgumentException"/> when a range is empty or a probability is outside [0, 1].</summary>
    public void Validate()
    {
        if (!(BlockPrMin <= BlockPrMax) || !(BlockQrsMin <= BlockQrsMax) || !(FWaveMin >= 0 && FWaveMin <= FWaveMax)
            || !(AfIrregularityMin >= 0 && AfIrregularityMin <= AfIrregularityMax) || !(NoiseSpread >= 0))
        {
            throw new ArgumentException("hard settings: every range needs min <= max and non-negative amplitudes and spreads");
        }
        if (new[] { SinusArrhythmia, Ectopy, Flutter }.Any(p => !(p >= 0 && p <= 1)))
        {
            throw new ArgumentException("hard settings: sinus arrhythmia, ectopy and flutter probabilities must lie in [0, 1]");
        }
    }
}
