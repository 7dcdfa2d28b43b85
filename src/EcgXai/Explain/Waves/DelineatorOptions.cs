namespace EcgXai.Explain.Waves;

/// <summary>Settings of <see cref="WaveDelineator"/>.</summary>
/// <param name="Leads">Names of the leads to combine; null for every lead.</param>
/// <param name="QrsSlopeFraction">A QRS boundary is where the template's summed squared slope stays below this fraction of its peak.</param>
/// <param name="WaveFraction">A P or T boundary is where the template's deviation from the isoelectric level falls below this fraction of the wave's peak.</param>
/// <param name="PWaveFraction">A P wave is present when its peak deviation reaches this fraction of the QRS peak deviation.</param>
/// <param name="IrregularRr">Coefficient of variation of RR above which a record without P waves counts as fibrillatory (f-wave baseline).</param>
public sealed record DelineatorOptions(
    IReadOnlyList<string>? Leads = null,
    double QrsSlopeFraction = 0.02,
    double WaveFraction = 0.1,
    double PWaveFraction = 0.08,
    double IrregularRr = 0.08);
