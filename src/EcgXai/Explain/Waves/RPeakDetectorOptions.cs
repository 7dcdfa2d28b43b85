namespace EcgXai.Explain.Waves;

/// <summary>Settings of <see cref="RPeakDetector"/> (Pan and Tompkins 1985 values by default).</summary>
/// <param name="Leads">Names of the leads to combine; null for every lead of the record.</param>
/// <param name="LowHz">Lower edge of the QRS band-pass, Hz.</param>
/// <param name="HighHz">Upper edge of the QRS band-pass, Hz.</param>
/// <param name="IntegrationSeconds">Width of the moving-window integrator, seconds.</param>
/// <param name="RefractorySeconds">Shortest interval between two beats, seconds.</param>
/// <param name="TWaveSeconds">Interval after a beat within which a candidate with less than half the beat's slope is a T wave, seconds.</param>
/// <param name="SearchBackFactor">A beat is searched back for when none came within this multiple of the mean RR.</param>
public sealed record RPeakDetectorOptions(
    IReadOnlyList<string>? Leads = null,
    double LowHz = 5,
    double HighHz = 15,
    double IntegrationSeconds = 0.15,
    double RefractorySeconds = 0.2,
    double TWaveSeconds = 0.36,
    double SearchBackFactor = 1.66);
