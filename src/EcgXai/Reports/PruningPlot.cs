using System.Globalization;
using EcgXai.IO;
using ScottPlot;

namespace EcgXai.Reports;

/// <summary>
/// AUROC against the number of classifier-input units kept, on a log x axis: one line per curve (with an optional
/// shaded range, e.g. over random draws) and the unpruned model's AUROC as a dashed horizontal line.
/// </summary>
public static class PruningPlot
{
    /// <summary>One curve: points (units kept ≥ 1, AUROC), and optionally a lower and upper bound per point.</summary>
    /// <param name="Label">Legend text.</param>
    /// <param name="Keep">Units kept per point.</param>
    /// <param name="Auroc">AUROC per point.</param>
    /// <param name="Low">Lower bound per point, or null.</param>
    /// <param name="High">Upper bound per point, or null.</param>
    public sealed record Curve(string Label, IReadOnlyList<int> Keep, IReadOnlyList<double> Auroc, IReadOnlyList<double>? Low = null, IReadOnlyList<double>? High = null);

    /// <summary>Renders <paramref name="curves"/> and the <paramref name="unpruned"/> line to <paramref name="path"/>, atomically (points with k = 0 are left out).</summary>
    public static void Write(string path, string title, IReadOnlyList<Curve> curves, double unpruned, int width = 800, int height = 560)
    {
        PlotFonts.Load();
        using var plot = new Plot();
        IPalette palette = new ScottPlot.Palettes.Category10();
        for (int i = 0; i < curves.Count; i++)
        {
            Curve c = curves[i];
            int[] shown = Enumerable.Range(0, c.Keep.Count).Where(j => c.Keep[j] > 0 && double.IsFinite(c.Auroc[j])).ToArray();
            double[] x = shown.Select(j => Math.Log10(c.Keep[j])).ToArray();
            Color color = palette.GetColor(i);
            if (c.Low is not null && c.High is not null && shown.Length > 1)
            {
                var band = plot.Add.FillY(x, shown.Select(j => c.Low[j]).ToArray(), shown.Select(j => c.High[j]).ToArray());
                band.FillColor = color.WithAlpha(0.2);
                band.LineWidth = 0;
            }
            var line = plot.Add.Scatter(x, shown.Select(j => c.Auroc[j]).ToArray());
            line.Color = color;
            line.LineWidth = 2;
            line.MarkerSize = 5;
            line.LegendText = c.Label;
        }
        if (double.IsFinite(unpruned))
        {
            var reference = plot.Add.HorizontalLine(unpruned);
            reference.LinePattern = LinePattern.Dashed;
            reference.Color = Colors.Gray;
            reference.LegendText = string.Create(CultureInfo.InvariantCulture, $"unpruned ({unpruned:F3})");
        }
        var ticks = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = v => Math.Pow(10, v).ToString("N0", CultureInfo.InvariantCulture),
        };
        plot.Axes.Bottom.TickGenerator = ticks;
        PlotText.Title(plot, title, width);
        plot.XLabel("units kept (log scale)");
        plot.YLabel("AUROC");
        plot.ShowLegend(Alignment.LowerRight);
        AtomicFile.WriteBytes(path, plot.GetImageBytes(width, height, ImageFormat.Png));
    }
}
