namespace EcgXai.Explain.Waves;

/// <summary>Detected R peaks of a record and, with a reference annotation file, how well they match it.</summary>
/// <param name="SampleRate">Sampling rate of the record, Hz.</param>
/// <param name="Peaks">Sample numbers of the detected R peaks.</param>
/// <param name="Score">EC57-style agreement with the reference beats, or null without a reference.</param>
public sealed record BeatsResult(double SampleRate, IReadOnlyList<int> Peaks, BeatMatchScore? Score);
