using System.Globalization;
using ScottPlot;

namespace EcgXai.Reports;

/// <summary>
/// Draws an ECG trace whose stretches are coloured by relevance: the trace in black, then, per colour level of the
/// <see cref="DivergingScale"/>, one thicker scatter line through the samples of that level (NaN gaps elsewhere: ScottPlot's Signal plots draw no
/// line at all once NaN appears, scatter lines break at them), so a 12-lead
/// record costs a few hundred plottables rather than one per sample.
/// </summary>
public static class RelevanceTrace
{
    /// <summary>
    /// Adds the trace <paramref name="ys"/> (already in plot units) starting at <paramref name="x0"/> with
    /// <paramref name="dx"/> per sample, coloured by <paramref name="relevance"/> (one value per sample, or null for a plain trace).
    /// </summary>
    public static void Add(Plot plot, double[] ys, double x0, double dx, ReadOnlySpan<float> relevance, DivergingScale? scale, float lineWidth = 1.4f)
    {
        var trace = plot.Add.Signal(ys, dx);
        trace.Data.XOffset = x0;
        trace.Color = Colors.Black;
        trace.LineWidth = lineWidth;
        if (scale is null || relevance.IsEmpty)
        {
            return;
        }
        int n = Math.Min(ys.Length, relevance.Length);
        var levels = new int[n];
        var used = new SortedSet<int>();
        for (int i = 0; i < n; i++)
        {
            levels[i] = scale.Level(relevance[i]);
            if (levels[i] != 0)
            {
                used.Add(levels[i]);
            }
        }
        var xs = new double[n];
        for (int i = 0; i < n; i++)
        {
            xs[i] = x0 + (i * dx);
        }
        foreach (int level in used)
        {
            var values = new double[n];
            for (int i = 0; i < n; i++)
            {
                // A sample joins its level's line when it or a neighbour has the level, so that lone samples still show.
                bool on = levels[i] == level || (i > 0 && levels[i - 1] == level) || (i + 1 < n && levels[i + 1] == level);
                values[i] = on ? ys[i] : double.NaN;
            }
            var coloured = plot.Add.Scatter(xs, values);
            coloured.MarkerSize = 0;
            coloured.Color = DivergingScale.ColorOf(level);
            coloured.LineWidth = lineWidth * 2.2f;
        }
    }

    /// <summary>Adds a horizontal colour bar of <paramref name="scale"/> with its limits labelled, at (<paramref name="x"/>, <paramref name="y"/>) of the given size.</summary>
    public static void AddColorBar(Plot plot, DivergingScale scale, double x, double y, double width, double height, float fontSize = 11)
    {
        int steps = 2 * DivergingScale.Levels;
        double w = width / (steps + 1);
        for (int i = 0; i <= steps; i++)
        {
            int level = i - DivergingScale.Levels;
            var rect = plot.Add.Rectangle(x + (i * w), x + ((i + 1) * w), y, y + height);
            rect.FillColor = level == 0 ? Colors.White : DivergingScale.ColorOf(level);
            rect.LineWidth = 0;
        }
        string limit = scale.Limit.ToString("G3", CultureInfo.InvariantCulture);
        PlotText.Add(plot, $"−{limit}", x, y - 0.5, fontSize, Alignment.UpperLeft);
        PlotText.Add(plot, "0", x + (width / 2), y - 0.5, fontSize, Alignment.UpperCenter);
        PlotText.Add(plot, $"+{limit}", x + width, y - 0.5, fontSize, Alignment.UpperRight);
        PlotText.Add(plot, "relevance", x + (width / 2), y + height + 0.5, fontSize, Alignment.LowerCenter);
    }
}
