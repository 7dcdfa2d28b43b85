using System.Globalization;
using EcgXai.IO;
using EcgXai.Signals;
using ScottPlot;

namespace EcgXai.Reports;

/// <summary>
/// Draws a record on ECG paper (pink 1 mm / 5 mm grid, 25 mm/s, 10 mm/mV, 1 mV calibration pulses). A record with the
/// 12 standard leads is drawn as the usual 3 × 4 grid (I/II/III, aVR/aVL/aVF, V1–V3, V4–V6, each column a quarter of
/// the time) plus a lead II rhythm strip; any other record as one full-width row per lead. With a
/// <see cref="RelevanceOverlay"/> each lead's trace is coloured by its own relevance (positive red, negative blue, one
/// symmetric scale for all leads) and a colour bar is drawn on the right.
/// </summary>
public static class EcgPlot
{
    private const double MmPerSecond = 25;
    private const double MmPerMv = 10;
    private const double RowHeight = 30;
    private const double LeftMargin = 12;
    private const double TitleHeight = 10;
    private const double ColourBarWidth = 24;
    private const int ColourLevels = 10;

    private static readonly string[][] Columns = [["I", "II", "III"], ["aVR", "aVL", "aVF"], ["V1", "V2", "V3"], ["V4", "V5", "V6"]];

    /// <summary>Renders the record and writes the PNG atomically to <paramref name="path"/>.</summary>
    public static void Save(string path, EcgRecord record, EcgPlotOptions options, RelevanceOverlay? relevance = null) =>
        AtomicFile.WriteBytes(path, RenderPng(record, options, relevance));

    /// <summary>Renders the record (with <paramref name="relevance"/> over its traces when given) as PNG bytes.</summary>
    public static byte[] RenderPng(EcgRecord record, EcgPlotOptions options, RelevanceOverlay? relevance = null)
    {
        options.Validate();
        if (record.SampleCount == 0 || record.LeadCount == 0)
        {
            throw new EcgXaiException(record.SourcePath, "record has no samples to plot");
        }
        if (relevance is not null && relevance.Values.Length != record.Samples.Length)
        {
            throw new ArgumentException($"relevance holds {relevance.Values.Length} values for a record of {record.LeadCount} x {record.SampleCount} samples");
        }
        int shown = Math.Min(record.SampleCount, (int)Math.Round(options.Seconds * record.SampleRate));
        double width = shown / record.SampleRate * MmPerSecond;
        double scale = relevance is null ? 0 : relevance.Scale ?? RobustScale(relevance.Values, record.SampleCount, shown);
        var trace = new Trace(record, relevance?.Values, scale > 0 ? scale : 1);
        bool standard = LeadNames.Standard12.All(l => record.IndexOfLead(l) >= 0);
        int rows = standard ? 4 : record.LeadCount;
        double height = TitleHeight + (rows * RowHeight);

        using var plot = new Plot();
        PlotFonts.Apply(plot);
        plot.FigureBackground.Color = Color.FromHex("#FFF6F6");
        plot.DataBackground.Color = Color.FromHex("#FFF6F6");
        plot.HideGrid();
        plot.Axes.Frameless();
        plot.Layout.Frameless();
        DrawGrid(plot, -LeftMargin, width, height);

        double Baseline(int row) => height - TitleHeight - ((row + 0.5) * RowHeight);
        if (standard)
        {
            int columnSamples = shown / Columns.Length;
            for (int c = 0; c < Columns.Length; c++)
            {
                for (int r = 0; r < Columns[c].Length; r++)
                {
                    DrawTrace(plot, trace, Columns[c][r], c * columnSamples, columnSamples, Baseline(r));
                }
                if (c > 0)
                {
                    double x = c * columnSamples / record.SampleRate * MmPerSecond;
                    for (int r = 0; r < 3; r++)
                    {
                        AddLine(plot, x, Baseline(r) - 4, x, Baseline(r) + 4, Colors.Black, 1.5f);
                    }
                }
            }
            DrawTrace(plot, trace, "II", 0, shown, Baseline(3));
        }
        else
        {
            for (int r = 0; r < record.LeadCount; r++)
            {
                DrawTrace(plot, trace, record.Leads[r], 0, shown, Baseline(r));
            }
        }
        for (int r = 0; r < rows; r++)
        {
            DrawCalibration(plot, Baseline(r));
        }
        string labels = record.Labels.Count > 0 ? string.Join(", ", record.Labels) : string.Join(", ", record.SourceLabels);
        string title = string.Create(CultureInfo.InvariantCulture,
            $"{record.Id}   {labels}   {record.SampleRate:0.#} Hz   25 mm/s   10 mm/mV{(record.Age is double a ? $"   age {a:0}" : "")}{(record.Sex != Sex.Unknown ? $"   {record.Sex}" : "")}");
        if (relevance is not null)
        {
            title += "   " + relevance.Label;
        }
        AddText(plot, title, -LeftMargin + 1, height - 2, 13);

        double right = width;
        if (relevance is not null)
        {
            DrawColourBar(plot, width, height, scale);
            right += ColourBarWidth;
        }
        plot.Axes.SetLimits(-LeftMargin, right, 0, height);
        int px = (int)Math.Round((right + LeftMargin) * options.PixelsPerMillimetre);
        int py = (int)Math.Round(height * options.PixelsPerMillimetre);
        return plot.GetImageBytes(px, py, ImageFormat.Png);
    }

    private static void DrawGrid(Plot plot, double left, double right, double top)
    {
        var minor = Color.FromHex("#F7CFCF");
        var major = Color.FromHex("#E8A0A0");
        for (int x = (int)Math.Ceiling(left); x <= right; x++)
        {
            bool isMajor = x % 5 == 0;
            AddLine(plot, x, 0, x, top, isMajor ? major : minor, isMajor ? 1.2f : 0.6f);
        }
        for (int y = 0; y <= top; y++)
        {
            bool isMajor = y % 5 == 0;
            AddLine(plot, left, y, right, y, isMajor ? major : minor, isMajor ? 1.2f : 0.6f);
        }
    }

    private static void DrawTrace(Plot plot, Trace trace, string lead, int from, int count, double baseline)
    {
        EcgRecord record = trace.Record;
        int index = record.IndexOfLead(lead);
        ReadOnlySpan<float> x = record.Lead(index).Slice(from, count);
        double median = Median(x);
        var ys = new double[count];
        for (int i = 0; i < count; i++)
        {
            ys[i] = float.IsFinite(x[i]) ? ((x[i] - median) * MmPerMv) + baseline : double.NaN;
        }
        if (trace.Relevance is { } relevance)
        {
            DrawRelevance(plot, ys, relevance.AsSpan((index * record.SampleCount) + from, count), trace.Scale, from, record.SampleRate);
        }
        var signal = plot.Add.Signal(ys, MmPerSecond / record.SampleRate);
        signal.Data.XOffset = from / record.SampleRate * MmPerSecond;
        signal.Color = Colors.Black;
        signal.LineWidth = 1.4f;
        AddText(plot, record.Leads[index], (from / record.SampleRate * MmPerSecond) + 1, baseline + 13, 14);
    }

    /// <summary>Runs of samples in one colour level, drawn as thick lines under the trace.</summary>
    private static void DrawRelevance(Plot plot, double[] ys, ReadOnlySpan<float> relevance, double scale, int from, double rate)
    {
        int start = 0;
        for (int i = 1; i <= ys.Length; i++)
        {
            if (i < ys.Length && Level(relevance[i], scale) == Level(relevance[start], scale))
            {
                continue;
            }
            int level = Level(relevance[start], scale);
            if (level != 0 && i - start >= 1)
            {
                int end = Math.Min(i + 1, ys.Length); // overlap one sample so runs join
                double[] xs = Enumerable.Range(start, end - start).Select(k => (from + k) / rate * MmPerSecond).ToArray();
                var run = plot.Add.ScatterLine(xs, ys[start..end]);
                run.Color = LevelColour(level);
                run.LineWidth = 5f;
            }
            start = i;
        }
    }

    private static int Level(float value, double scale) =>
        float.IsFinite(value) ? (int)Math.Round(Math.Clamp(value / scale, -1, 1) * ColourLevels) : 0;

    /// <summary>White to red for positive levels, white to blue for negative ones.</summary>
    private static Color LevelColour(int level)
    {
        double t = Math.Abs(level) / (double)ColourLevels;
        (double r, double g, double b) = level > 0 ? (0.80, 0.08, 0.10) : (0.10, 0.25, 0.85);
        byte Mix(double c) => (byte)Math.Round(255 * (1 - (t * (1 - c))));
        return new Color(Mix(r), Mix(g), Mix(b), (byte)Math.Round(255 * (0.35 + (0.65 * t))));
    }

    private static void DrawColourBar(Plot plot, double left, double height, double scale)
    {
        double x0 = left + 6, x1 = left + 11;
        double bottom = 12, top = height - TitleHeight - 12;
        double step = (top - bottom) / ((2 * ColourLevels) + 1);
        for (int level = -ColourLevels; level <= ColourLevels; level++)
        {
            double y = bottom + ((level + ColourLevels) * step);
            var box = plot.Add.Rectangle(x0, x1, y, y + step);
            box.FillStyle.Color = level == 0 ? Colors.White : LevelColour(level);
            box.LineStyle.Width = 0;
        }
        var frame = plot.Add.Rectangle(x0, x1, bottom, top);
        frame.FillStyle.Color = Colors.Transparent;
        frame.LineStyle.Color = Colors.Black;
        frame.LineStyle.Width = 1;
        AddText(plot, string.Create(CultureInfo.InvariantCulture, $"+{scale:G3}"), x1 + 1, top + 1, 11);
        AddText(plot, "0", x1 + 1, (bottom + top) / 2 + 1.5, 11);
        AddText(plot, string.Create(CultureInfo.InvariantCulture, $"-{scale:G3}"), x1 + 1, bottom + 3, 11);
    }

    /// <summary>The 99.5th percentile of |relevance| over the drawn samples (a few extreme samples would otherwise wash out the rest; larger values saturate).</summary>
    private static double RobustScale(float[] values, int samples, int shown)
    {
        var magnitudes = new List<float>(values.Length);
        for (int start = 0; start < values.Length; start += samples)
        {
            foreach (float v in values.AsSpan(start, shown))
            {
                if (float.IsFinite(v) && v != 0)
                {
                    magnitudes.Add(Math.Abs(v));
                }
            }
        }
        if (magnitudes.Count == 0)
        {
            return 0;
        }
        magnitudes.Sort();
        return magnitudes[(int)Math.Min(magnitudes.Count - 1, Math.Floor(0.995 * magnitudes.Count))];
    }

    /// <summary>A record with the relevance drawn over it (null: plain trace) and its colour scale.</summary>
    private sealed record Trace(EcgRecord Record, float[]? Relevance, double Scale);

    private static void DrawCalibration(Plot plot, double baseline)
    {
        double[] xs = [-11, -9, -9, -4, -4, -2];
        double[] ys = [0, 0, MmPerMv, MmPerMv, 0, 0];
        for (int i = 0; i + 1 < xs.Length; i++)
        {
            AddLine(plot, xs[i], baseline + ys[i], xs[i + 1], baseline + ys[i + 1], Colors.Black, 1.4f);
        }
    }

    private static void AddLine(Plot plot, double x1, double y1, double x2, double y2, Color color, float width)
    {
        var line = plot.Add.Line(x1, y1, x2, y2);
        line.Color = color;
        line.LineWidth = width;
    }

    private static void AddText(Plot plot, string text, double x, double y, float size)
    {
        var label = plot.Add.Text(text, x, y);
        label.LabelFontSize = size;
        label.LabelFontColor = Colors.Black;
        label.LabelBold = true;
        label.LabelAlignment = Alignment.UpperLeft;
    }

    private static double Median(ReadOnlySpan<float> x)
    {
        float[] sorted = x.ToArray().Where(float.IsFinite).ToArray();
        if (sorted.Length == 0)
        {
            return 0;
        }
        Array.Sort(sorted);
        return sorted[sorted.Length / 2];
    }
}
