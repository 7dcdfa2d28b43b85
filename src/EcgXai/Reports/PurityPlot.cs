using System.Globalization;
using EcgXai.Explain.Concepts;
using EcgXai.Synthesis;
using ScottPlot;

namespace EcgXai.Reports;

/// <summary>
/// Concept purity as a PNG: one stacked bar per (concept, label source) of its positive relevance shares per wave class,
/// grouped by layer, with the purity above each bar and a legend of the wave classes.
/// </summary>
public static class PurityPlot
{
    private const double BarWidth = 14;
    private const double Gap = 4;
    private const double Height = 100;
    private const double Margin = 24;

    /// <summary>Renders <paramref name="rows"/> as PNG bytes.</summary>
    public static byte[] RenderPng(IReadOnlyList<PurityRow> rows, double pixelsPerUnit = 3)
    {
        PlotFonts.Load();
        WaveLabel[] waves = Enum.GetValues<WaveLabel>();
        var palette = new ScottPlot.Palettes.Category10();
        double width = Math.Max(160, (Margin * 2) + (rows.Count * (BarWidth + Gap)));
        double total = Height + (Margin * 3);
        using var plot = new Plot();
        plot.HideGrid();
        plot.Axes.Frameless();
        plot.Layout.Frameless();
        PlotText.Add(plot, "wave shares of positive relevance (G = ground truth, D = delineated); purity above", Margin, total - 4, 10, Alignment.UpperLeft, bold: true);
        for (int i = 0; i < rows.Count; i++)
        {
            PurityRow row = rows[i];
            double x = Margin + (i * (BarWidth + Gap));
            double bottom = Margin * 1.5;
            foreach (WaveLabel wave in waves)
            {
                double share = row.WaveShare.GetValueOrDefault(wave);
                if (share > 0)
                {
                    var bar = plot.Add.Rectangle(x, x + BarWidth, bottom, bottom + (share * Height));
                    bar.FillColor = palette.GetColor((int)wave);
                    bar.LineWidth = 0;
                    bottom += share * Height;
                }
            }
            string purity = double.IsNaN(row.Purity) ? "–" : row.Purity.ToString("0.00", CultureInfo.InvariantCulture);
            PlotText.Add(plot, purity, x + (BarWidth / 2), (Margin * 1.5) + Height + 1, 6, Alignment.LowerCenter);
            string source = row.Labels == PurityRow.GroundTruth ? "G" : "D";
            PlotText.Add(plot, string.Create(CultureInfo.InvariantCulture, $"{row.Concept}{source}"), x + (BarWidth / 2), (Margin * 1.5) - 1, 6, Alignment.UpperCenter);
            if (i == 0 || rows[i - 1].Layer != row.Layer)
            {
                PlotText.Add(plot, row.Layer, x, (Margin * 1.5) - 9, 7, Alignment.UpperLeft, bold: true);
            }
        }
        for (int k = 0; k < waves.Length; k++)
        {
            double x = Margin + (k * 44);
            var swatch = plot.Add.Rectangle(x, x + 6, 3, 9);
            swatch.FillColor = palette.GetColor(k);
            swatch.LineWidth = 0;
            PlotText.Add(plot, waves[k].ToString(), x + 8, 6, 7, Alignment.MiddleLeft);
        }
        plot.Axes.SetLimits(0, width, 0, total);
        return plot.GetImageBytes((int)Math.Round(width * pixelsPerUnit), (int)Math.Round(total * pixelsPerUnit), ImageFormat.Png);
    }
}
