namespace EcgXai.Reports;

/// <summary>
/// Relevance drawn over an ECG trace by <see cref="EcgPlot"/>: one value per sample and lead, laid out like
/// <see cref="Signals.EcgRecord.Samples"/> (lead-major), on a symmetric diverging scale (positive red, negative blue).
/// </summary>
/// <param name="Values">Relevance per lead and sample (<c>leads x samples</c> of the plotted record).</param>
/// <param name="Label">What the relevance is, shown in the title, e.g. "LRP relevance for AF".</param>
/// <param name="Scale">Magnitude mapped to full colour (larger values saturate); null uses the 99.5th percentile of |value| drawn.</param>
public sealed record RelevanceOverlay(float[] Values, string Label, double? Scale = null);
