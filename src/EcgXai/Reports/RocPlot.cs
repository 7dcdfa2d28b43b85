using EcgXai.IO;
using EcgXai.Training.Metrics;
using ScottPlot;

namespace EcgXai.Reports;

/// <summary>ROC curves as a PNG: one line per curve, the chance diagonal dashed, both axes on [0, 1] with a small margin.</summary>
public static class RocPlot
{
    /// <summary>Renders <paramref name="curves"/> (legend label, curve) to a PNG at <paramref name="path"/>, atomically.</summary>
    public static void Write(string path, string title, IReadOnlyList<(string Label, RocCurve Curve)> curves, int width = 640, int height = 560)
    {
        using var plot = new Plot();
        var chance = plot.Add.Line(0, 0, 1, 1);
        chance.LinePattern = LinePattern.Dashed;
        chance.Color = Colors.Gray;
        foreach (var (label, curve) in curves)
        {
            if (curve.FalsePositiveRates.Any(double.IsNaN))
            {
                continue;
            }
            var line = plot.Add.Scatter(curve.FalsePositiveRates.ToArray(), curve.TruePositiveRates.ToArray());
            line.MarkerSize = 0;
            line.LineWidth = 2;
            line.LegendText = label;
        }
        plot.Axes.SetLimits(-0.01, 1.01, -0.01, 1.01); // a margin keeps perfect curves off the frame
        plot.Title(title);
        plot.XLabel("False positive rate (1 - specificity)");
        plot.YLabel("True positive rate (sensitivity)");
        plot.ShowLegend(Alignment.LowerRight);
        AtomicFile.WriteBytes(path, plot.GetImageBytes(width, height, ImageFormat.Png));
    }
}
