namespace EcgXai.Explain.Waves;

/// <summary>What <see cref="BeatDetection.Run"/> detects and scores.</summary>
/// <param name="RecordPath">WFDB record path without extension, or its <c>.hea</c> file.</param>
/// <param name="Detector">Detector settings, including the leads to combine.</param>
/// <param name="ReferenceExtension">Extension of a reference annotation file of the record (e.g. <c>atr</c>), or null to detect only.</param>
public sealed record BeatsOptions(string RecordPath, RPeakDetectorOptions Detector, string? ReferenceExtension = null);
