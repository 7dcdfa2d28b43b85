using EcgXai.IO;
using ScottPlot;

namespace EcgXai.Reports;

/// <summary>
/// Feature-flipping curves as a PNG: target probability against the share of features flipped, per variant the MIF
/// curve solid and the LIF curve dashed in the same colour; the legend gives each variant's SRG.
/// </summary>
public static class FlipCurvePlot
{
    /// <summary>Renders <paramref name="curves"/> (legend label, mean MIF curve, mean LIF curve over steps 1..K) to <paramref name="path"/>, atomically.</summary>
    public static void Write(string path, string title, IReadOnlyList<(string Label, IReadOnlyList<double> Mif, IReadOnlyList<double> Lif)> curves, int width = 800, int height = 560)
    {
        PlotFonts.Load();
        using var plot = new Plot();
        IPalette palette = new ScottPlot.Palettes.Category20();
        for (int i = 0; i < curves.Count; i++)
        {
            var (label, mif, lif) = curves[i];
            double[] x = Enumerable.Range(1, mif.Count).Select(k => (double)k / mif.Count).ToArray();
            Color color = palette.GetColor(i);
            var m = plot.Add.Scatter(x, mif.ToArray());
            m.Color = color;
            m.MarkerSize = 0;
            m.LineWidth = 2;
            m.LegendText = label;
            var l = plot.Add.Scatter(x, lif.ToArray());
            l.Color = color;
            l.MarkerSize = 0;
            l.LineWidth = 2;
            l.LinePattern = LinePattern.Dashed;
        }
        plot.Axes.SetLimits(0, 1.01, -0.01, 1.01);
        PlotText.Title(plot, title, width);
        plot.XLabel("share of features flipped (solid: most relevant first, dashed: least relevant first)");
        plot.YLabel("target probability");
        plot.ShowLegend(Alignment.UpperRight);
        AtomicFile.WriteBytes(path, plot.GetImageBytes(width, height, ImageFormat.Png));
    }
}
