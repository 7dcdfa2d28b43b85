using EcgXai.IO;
using ScottPlot;

namespace EcgXai.Reports;

/// <summary>
/// A ranking as a horizontal bar chart PNG: the first item on top, one bar per item with its interval drawn as a black
/// line across the bar's end (e.g. concepts of one layer by mean relevance with bootstrap 95 % intervals).
/// </summary>
public static class RankingPlot
{
    /// <summary>One ranked item.</summary>
    /// <param name="Label">Tick label.</param>
    /// <param name="Value">Bar length.</param>
    /// <param name="Low">Lower bound of its interval (NaN: none drawn).</param>
    /// <param name="High">Upper bound of its interval (NaN: none drawn).</param>
    public sealed record Item(string Label, double Value, double Low = double.NaN, double High = double.NaN);

    /// <summary>Renders <paramref name="items"/> (in rank order) to <paramref name="path"/>, atomically; the height grows with the item count.</summary>
    public static void Write(string path, string title, string valueLabel, IReadOnlyList<Item> items, int width = 720)
    {
        PlotFonts.Load();
        using var plot = new Plot();
        Color color = new ScottPlot.Palettes.Category10().GetColor(0);
        var bars = items.Select((item, i) => new Bar { Position = items.Count - i, Value = item.Value, FillColor = color, LineWidth = 0 }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        foreach (var (item, i) in items.Select((item, i) => (item, i)))
        {
            if (double.IsFinite(item.Low) && double.IsFinite(item.High))
            {
                var interval = plot.Add.Line(item.Low, items.Count - i, item.High, items.Count - i);
                interval.Color = Colors.Black;
                interval.LineWidth = 2;
            }
        }
        plot.Axes.Left.SetTicks(items.Select((_, i) => (double)(items.Count - i)).ToArray(), items.Select(item => item.Label).ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Margins(left: 0, bottom: 0.02, top: 0.02);
        plot.Add.VerticalLine(0, 1, Colors.Gray);
        PlotText.Title(plot, title, width);
        plot.XLabel(valueLabel);
        AtomicFile.WriteBytes(path, plot.GetImageBytes(width, 120 + (22 * Math.Max(items.Count, 1)), ImageFormat.Png));
    }
}
