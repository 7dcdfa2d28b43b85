using System.Globalization;
using EcgXai.IO;
using EcgXai.Signals;
using ScottPlot;

namespace EcgXai.Reports;

/// <summary>
/// Draws a record on ECG paper (pink 1 mm / 5 mm grid, 25 mm/s, 10 mm/mV, 1 mV calibration pulses). A record with the
/// 12 standard leads is drawn as the usual 3 × 4 grid (I/II/III, aVR/aVL/aVF, V1–V3, V4–V6, each column a quarter of
/// the time) plus a lead II rhythm strip; any other record as one full-width row per lead.
/// </summary>
public static class EcgPlot
{
    private const double MmPerSecond = 25;
    private const double MmPerMv = 10;
    private const double RowHeight = 30;
    private const double LeftMargin = 12;
    private const double TitleHeight = 10;

    private static readonly string[][] Columns = [["I", "II", "III"], ["aVR", "aVL", "aVF"], ["V1", "V2", "V3"], ["V4", "V5", "V6"]];

    /// <summary>Renders the record (with <paramref name="relevance"/> drawn over it, when given) and writes the PNG atomically to <paramref name="path"/>.</summary>
    public static void Save(string path, EcgRecord record, EcgPlotOptions options, RelevanceOverlay? relevance = null) =>
        AtomicFile.WriteBytes(path, RenderPng(record, options, relevance));

    /// <summary>
    /// Renders the record as PNG bytes; with <paramref name="relevance"/>, each lead's trace is coloured by its relevance
    /// on one symmetric diverging scale (positive red, negative blue) shown as a colour bar.
    /// </summary>
    public static byte[] RenderPng(EcgRecord record, EcgPlotOptions options, RelevanceOverlay? relevance = null)
    {
        options.Validate();
        if (record.SampleCount == 0 || record.LeadCount == 0)
        {
            throw new EcgXaiException(record.SourcePath, "record has no samples to plot");
        }
        relevance?.Check(record.SourcePath, record.SampleCount);
        PlotFonts.Load();
        int shown = Math.Min(record.SampleCount, (int)Math.Round(options.Seconds * record.SampleRate));
        double width = shown / record.SampleRate * MmPerSecond;
        bool standard = LeadNames.Standard12.All(l => record.IndexOfLead(l) >= 0);
        int rows = standard ? 4 : record.LeadCount;
        double height = TitleHeight + (rows * RowHeight);
        DivergingScale? scale = relevance is null ? null : DivergingScale.Of(relevance.Values);

        var plot = new Plot();
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
                    DrawTrace(plot, record, Columns[c][r], c * columnSamples, columnSamples, Baseline(r), relevance, scale);
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
            DrawTrace(plot, record, "II", 0, shown, Baseline(3), relevance, scale);
        }
        else
        {
            for (int r = 0; r < record.LeadCount; r++)
            {
                DrawTrace(plot, record, record.Leads[r], 0, shown, Baseline(r), relevance, scale);
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
            title += "   " + relevance.Caption;
            RelevanceTrace.AddColorBar(plot, scale!, Math.Max(width - 60, 0), height - 6, 55, 3);
        }
        PlotText.Add(plot, title, -LeftMargin + 1, height - 2, 13, Alignment.UpperLeft, bold: true);

        plot.Axes.SetLimits(-LeftMargin, width, 0, height);
        int px = (int)Math.Round((width + LeftMargin) * options.PixelsPerMillimetre);
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

    private static void DrawTrace(Plot plot, EcgRecord record, string lead, int from, int count, double baseline, RelevanceOverlay? relevance, DivergingScale? scale)
    {
        int index = record.IndexOfLead(lead);
        ReadOnlySpan<float> x = record.Lead(index).Slice(from, count);
        double median = Median(x);
        var ys = new double[count];
        for (int i = 0; i < count; i++)
        {
            ys[i] = float.IsFinite(x[i]) ? ((x[i] - median) * MmPerMv) + baseline : double.NaN;
        }
        ReadOnlySpan<float> r = relevance is null ? [] : relevance.Lead(record.Leads[index]);
        RelevanceTrace.Add(plot, ys, from / record.SampleRate * MmPerSecond, MmPerSecond / record.SampleRate, r.IsEmpty ? r : r.Slice(from, count), scale);
        PlotText.Add(plot, record.Leads[index], (from / record.SampleRate * MmPerSecond) + 1, baseline + 13, 14, Alignment.UpperLeft, bold: true);
    }

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
