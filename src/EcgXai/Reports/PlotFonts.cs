namespace EcgXai.Reports;

/// <summary>
/// Makes ScottPlot draw text with an installed font chosen explicitly (DejaVu Sans, Liberation Sans or Arial, the first
/// one found), so plots render their labels the same on any machine that has one (Debian: <c>fonts-dejavu-core</c>).
/// </summary>
public static class PlotFonts
{
    private static readonly Lazy<string?> Chosen = new(() =>
    {
        foreach (string name in new[] { "DejaVu Sans", "Liberation Sans", "Arial" })
        {
            using SkiaSharp.SKTypeface? typeface = SkiaSharp.SKFontManager.Default.MatchFamily(name);
            if (typeface is not null && typeface.FamilyName == name)
            {
                ScottPlot.Fonts.Default = name;
                return name;
            }
        }
        return null;
    });

    /// <summary>Selects the font once per process; returns its name, or null when none of them is installed.</summary>
    public static string? Load() => Chosen.Value;
}
