namespace EcgXai.Synthesis;

/// <summary>What a synthetic data set holds.</summary>
/// <param name="Directory">Folder written.</param>
/// <param name="Records">Number of records.</param>
/// <param name="LabelCounts">Records per label, in <see cref="SyntheticLabels.All"/> order.</param>
/// <param name="Seconds">Wall time of generation and writing.</param>
public sealed record SyntheticDatasetSummary(string Directory, int Records, IReadOnlyList<KeyValuePair<string, int>> LabelCounts, double Seconds);
