using System.Globalization;
using EcgXai.IO;
using EcgXai.Training.Metrics;
using ScottPlot;

namespace EcgXai.Reports;

/// <summary>
/// ROC curves as a PNG: one line per curve with its pointwise bootstrap band shaded in the same colour, the chance
/// diagonal dashed, both axes on [0, 1] with a small margin.
/// </summary>
public static class RocPlot
{
    /// <summary>One curve of the plot.</summary>
    /// <param name="Label">Legend text.</param>
    /// <param name="Roc">The curve.</param>
    /// <param name="Band">Its confidence band, or null for none.</param>
    public sealed record Curve(string Label, RocCurve Roc, RocBand? Band = null);

    /// <summary>Renders <paramref name="curves"/> to a PNG at <paramref name="path"/>, atomically.</summary>
    public static void Write(string path, string title, IReadOnlyList<Curve> curves, int width = 640, int height = 560)
    {
        PlotFonts.Load();
        using var plot = new Plot();
        IPalette palette = new ScottPlot.Palettes.Category10();
        var chance = plot.Add.Line(0, 0, 1, 1);
        chance.LinePattern = LinePattern.Dashed;
        chance.Color = Colors.Gray;
        for (int i = 0; i < curves.Count; i++)
        {
            Curve curve = curves[i];
            if (curve.Roc.FalsePositiveRates.Any(double.IsNaN))
            {
                continue;
            }
            Color color = palette.GetColor(i);
            if (curve.Band is { } band && !band.Lower.Any(double.IsNaN))
            {
                var fill = plot.Add.FillY(band.FalsePositiveRates.ToArray(), band.Lower.ToArray(), band.Upper.ToArray());
                fill.FillColor = color.WithAlpha(0.15);
                fill.LineWidth = 0;
            }
            var line = plot.Add.Scatter(curve.Roc.FalsePositiveRates.ToArray(), curve.Roc.TruePositiveRates.ToArray());
            line.Color = color;
            line.MarkerSize = 0;
            line.LineWidth = 2;
            line.LegendText = curve.Label;
        }
        plot.Axes.SetLimits(-0.01, 1.01, -0.01, 1.01); // a margin keeps perfect curves off the frame
        PlotText.Title(plot, curves.FirstOrDefault(c => c.Band is not null)?.Band is { } shaded
            ? string.Create(CultureInfo.InvariantCulture, $"{title} (shaded: {shaded.Level:P0} bootstrap band)")
            : title, width);
        plot.XLabel("False positive rate (1 - specificity)");
        plot.YLabel("True positive rate (sensitivity)");
        plot.ShowLegend(Alignment.LowerRight);
        AtomicFile.WriteBytes(path, plot.GetImageBytes(width, height, ImageFormat.Png));
    }
}
