using System.Text;
using ScottPlot;

namespace EcgXai.Reports;

/// <summary>Black text labels and titles, the one way every plot of <c>Reports</c> writes text.</summary>
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

    /// <summary>Approximate width of one title character in pixels (ScottPlot's bold title font).</summary>
    private const double TitleCharWidth = 10.5;

    /// <summary>
    /// Sets <paramref name="title"/> as the plot's title, wrapped into lines that fit <paramref name="width"/> pixels
    /// (at spaces, else after a <c>/</c> of a long path), so long dataset paths are not clipped at the image's edges.
    /// </summary>
    public static void Title(Plot plot, string title, int width) => plot.Title(Wrap(title, Math.Max(20, (int)(width / TitleCharWidth))));

    /// <summary><paramref name="text"/> broken into lines of at most <paramref name="columns"/> characters where it can be.</summary>
    internal static string Wrap(string text, int columns)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (string word in text.Split(' '))
        {
            bool first = true;
            foreach (string piece in Pieces(word, columns))
            {
                string separator = first && line.Length > 0 ? " " : "";
                if (line.Length > 0 && line.Length + separator.Length + piece.Length > columns)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                    separator = "";
                }
                line.Append(separator).Append(piece);
                first = false;
            }
        }
        lines.Add(line.ToString());
        return string.Join('\n', lines);
    }

    /// <summary>A word longer than <paramref name="columns"/> split after its slashes (each piece but the last ends in one).</summary>
    private static IEnumerable<string> Pieces(string word, int columns)
    {
        if (word.Length <= columns || !word.Contains('/'))
        {
            return [word];
        }
        string[] parts = word.Split('/');
        return parts.Select((part, i) => i < parts.Length - 1 ? part + "/" : part).Where(p => p.Length > 0);
    }
}
