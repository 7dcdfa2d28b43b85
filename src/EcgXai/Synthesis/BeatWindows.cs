namespace EcgXai.Synthesis;

/// <summary>Wave boundaries of one beat, in samples (onsets inclusive, offsets exclusive).</summary>
/// <param name="RPeak">R peak.</param>
/// <param name="POnset">P onset, or null when the beat has no P wave.</param>
/// <param name="POffset">P offset, or null without P wave.</param>
/// <param name="QrsOnset">QRS onset.</param>
/// <param name="QrsOffset">QRS offset.</param>
/// <param name="TOnset">T onset.</param>
/// <param name="TOffset">T offset.</param>
public sealed record BeatWindows(int RPeak, int? POnset, int? POffset, int QrsOnset, int QrsOffset, int TOnset, int TOffset);
