namespace EcgXai.Synthesis.Evidence;

/// <summary>One record of a planted-evidence data set.</summary>
/// <param name="Record">The rendered record (labels: the kind's positive class, or NORM).</param>
/// <param name="Region">Where the cue lies (empty for negatives).</param>
/// <param name="Positive">True when the cue was planted.</param>
public sealed record EvidenceRecord(SyntheticRecord Record, EvidenceRegion Region, bool Positive);
