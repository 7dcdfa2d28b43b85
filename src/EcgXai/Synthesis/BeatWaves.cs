namespace EcgXai.Synthesis;

/// <summary>The Gaussian components of one beat and the boundaries of its waves (seconds from the record start).</summary>
/// <param name="Components">Dipole components (P, QRS and T waves), before the patient's rotation.</param>
/// <param name="POnset">P onset, or NaN without a P wave (AF).</param>
/// <param name="POffset">P offset, or NaN without a P wave.</param>
/// <param name="QrsOnset">QRS onset.</param>
/// <param name="QrsOffset">QRS offset.</param>
/// <param name="TOnset">T onset (end of the ST segment).</param>
/// <param name="TOffset">T offset.</param>
/// <param name="RPeak">Fiducial time of the beat (peak of the main ventricular component).</param>
internal sealed record BeatWaves(
    IReadOnlyList<WaveComponent> Components,
    double POnset,
    double POffset,
    double QrsOnset,
    double QrsOffset,
    double TOnset,
    double TOffset,
    double RPeak);
