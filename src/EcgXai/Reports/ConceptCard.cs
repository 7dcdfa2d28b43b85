using System.Globalization;
using EcgXai.IO;
using ScottPlot;

namespace EcgXai.Reports;

/// <summary>
/// A concept card as a PNG: its reference samples in a grid (each crop's trace coloured by the concept's conditional
/// heatmap on one symmetric scale for the card), then bar charts of its per-lead and per-wave relevance shares, and its
/// purity. Named <c>concept-LAYER-cCHANNEL.png</c> so the atlas shows it on the concept's card.
/// </summary>
public static class ConceptCard
{
    private const int Columns = 4;
    private const double PanelWidth = 100;
    private const double PanelHeight = 42;
    private const double Gap = 6;
    private const double BarsHeight = 40;
    private const double TitleHeight = 12;

    /// <summary>The card's file name for a concept (the atlas attaches it by this name).</summary>
    public static string FileName(string layer, int channel) => $"concept-{layer}-c{channel}.png";

    /// <summary>Renders <paramref name="card"/> and writes it atomically to <paramref name="path"/>.</summary>
    public static void Save(string path, ConceptCardData card, double pixelsPerUnit = 3) => AtomicFile.WriteBytes(path, RenderPng(card, pixelsPerUnit));

    /// <summary>Renders <paramref name="card"/> as PNG bytes.</summary>
    public static byte[] RenderPng(ConceptCardData card, double pixelsPerUnit = 3)
    {
        PlotFonts.Load();
        int rows = Math.Max(1, (card.References.Count + Columns - 1) / Columns);
        double width = (Columns * PanelWidth) + ((Columns + 1) * Gap);
        double bars = card.LeadShares.Count + card.WaveShares.Count > 0 ? BarsHeight + Gap : 0;
        double height = TitleHeight + (rows * (PanelHeight + Gap)) + bars + Gap;
        using var plot = new Plot();
        plot.HideGrid();
        plot.Axes.Frameless();
        plot.Layout.Frameless();
        DivergingScale scale = DivergingScale.Of(card.References.SelectMany(r => r.Relevance));
        string purity = card.Purity is double p ? string.Create(CultureInfo.InvariantCulture, $"   purity {p:0.00}") : "";
        PlotText.Add(plot, $"{card.Layer} · channel {card.Channel} · {card.Target}{purity}", Gap, height - 2, 14, Alignment.UpperLeft, bold: true);
        RelevanceTrace.AddColorBar(plot, scale, width - Gap - 70, height - 8, 70, 3, 9);
        for (int i = 0; i < card.References.Count; i++)
        {
            double x = Gap + (i % Columns * (PanelWidth + Gap));
            double top = height - TitleHeight - (i / Columns * (PanelHeight + Gap));
            Panel(plot, card.References[i], x, top - PanelHeight, scale);
        }
        if (card.References.Count == 0)
        {
            PlotText.Add(plot, "no reference samples", width / 2, height - TitleHeight - (PanelHeight / 2), 12, Alignment.MiddleCenter);
        }
        if (bars > 0)
        {
            double half = (width - (3 * Gap)) / 2;
            Bars(plot, "per lead", card.LeadShares, Gap, Gap, half);
            Bars(plot, "per wave", card.WaveShares, (2 * Gap) + half, Gap, half);
        }
        plot.Axes.SetLimits(0, width, 0, height);
        return plot.GetImageBytes((int)Math.Round(width * pixelsPerUnit), (int)Math.Round(height * pixelsPerUnit), ImageFormat.Png);
    }

    private static void Panel(Plot plot, ConceptReference reference, double x, double bottom, DivergingScale scale)
    {
        var frame = plot.Add.Rectangle(x, x + PanelWidth, bottom, bottom + PanelHeight);
        frame.FillColor = Color.FromHex("#FFF6F6");
        frame.LineColor = Color.FromHex("#E8A0A0");
        int n = reference.Signal.Length;
        if (n > 0)
        {
            float[] finite = reference.Signal.Where(float.IsFinite).DefaultIfEmpty(0).ToArray();
            double lo = finite.Min(), hi = finite.Max(), span = Math.Max(hi - lo, 1e-6);
            double usable = PanelHeight - 10;
            var ys = reference.Signal.Select(v => float.IsFinite(v) ? bottom + 2 + ((v - lo) / span * usable) : double.NaN).ToArray();
            RelevanceTrace.Add(plot, ys, x + 2, (PanelWidth - 4) / Math.Max(n - 1, 1), reference.Relevance, scale, 1.2f);
        }
        string seconds = (reference.StartSample / reference.SampleRate).ToString("0.00", CultureInfo.InvariantCulture);
        PlotText.Add(plot, $"{reference.RecordId} · {reference.Lead} · {seconds} s · {reference.Value.ToString("G3", CultureInfo.InvariantCulture)}", x + 1.5, bottom + PanelHeight - 1, 9, Alignment.UpperLeft);
    }

    private static void Bars(Plot plot, string title, IReadOnlyList<(string Name, double Share)> shares, double x, double bottom, double width)
    {
        PlotText.Add(plot, title, x, bottom + BarsHeight, 10, Alignment.UpperLeft, bold: true);
        if (shares.Count == 0)
        {
            return;
        }
        double max = Math.Max(1e-12, shares.Max(s => Math.Abs(s.Share)));
        double w = width / shares.Count;
        double usable = BarsHeight - 14;
        for (int i = 0; i < shares.Count; i++)
        {
            double h = Math.Abs(shares[i].Share) / max * usable;
            var bar = plot.Add.Rectangle(x + (i * w) + (w * 0.15), x + ((i + 1) * w) - (w * 0.15), bottom + 5, bottom + 5 + h);
            bar.FillColor = shares[i].Share >= 0 ? DivergingScale.ColorOf(DivergingScale.Levels) : DivergingScale.ColorOf(-DivergingScale.Levels);
            bar.LineWidth = 0;
            PlotText.Add(plot, shares[i].Name, x + ((i + 0.5) * w), bottom + 4.5, 8, Alignment.UpperCenter);
            PlotText.Add(plot, shares[i].Share.ToString("0.00", CultureInfo.InvariantCulture), x + ((i + 0.5) * w), bottom + 5.5 + h, 7, Alignment.LowerCenter);
        }
    }
}
