using ScottPlot;

namespace EcgXai.Reports;

/// <summary>Black text labels, the one way every plot of <c>Reports</c> writes text.</summary>
internal static class PlotText
{
    /// <summary>Adds <paramref name="text"/> at (<paramref name="x"/>, <paramref name="y"/>) anchored by <paramref name="alignment"/>.</summary>
    public static void Add(Plot plot, string text, double x, double y, float size, Alignment alignment, bool bold = false)
    {
        var label = plot.Add.Text(text, x, y);
        label.LabelFontSize = size;
        label.LabelFontColor = Colors.Black;
        label.LabelBold = bold;
        label.LabelAlignment = alignment;
    }
}
