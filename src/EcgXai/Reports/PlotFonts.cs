using ScottPlot;

namespace EcgXai.Reports;

/// <summary>
/// Loads a TrueType font explicitly for every plot (DejaVu Sans, from <c>$ECGXAI_FONT</c> or the usual system paths;
/// Debian's <c>fonts-dejavu-core</c>), so labels render the same on every machine instead of depending on what
/// SkiaSharp's font manager finds. Without any of these files ScottPlot's default font is used.
/// </summary>
public static class PlotFonts
{
    /// <summary>The family name the loaded files are registered under.</summary>
    public const string Family = "EcgXai Sans";

    /// <summary>Environment variable naming a .ttf file to use instead.</summary>
    public const string Variable = "ECGXAI_FONT";

    private static readonly Lazy<bool> Loaded = new(Load);

    private static readonly string[] RegularFiles =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/System/Library/Fonts/Supplemental/Arial.ttf",
        @"C:\Windows\Fonts\arial.ttf",
    ];

    /// <summary>True when a font file was found and registered.</summary>
    public static bool Available => Loaded.Value;

    /// <summary>Makes <paramref name="plot"/> use the loaded font for all its text.</summary>
    public static void Apply(Plot plot)
    {
        if (Loaded.Value)
        {
            plot.Font.Set(Family);
        }
    }

    private static bool Load()
    {
        string? regular = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } env && File.Exists(env)
            ? env
            : RegularFiles.FirstOrDefault(File.Exists);
        if (regular is null)
        {
            return false;
        }
        Fonts.AddFontFile(Family, regular);
        string bold = BoldBeside(regular);
        Fonts.AddFontFile(Family, File.Exists(bold) ? bold : regular, bold: true);
        return true;
    }

    private static string BoldBeside(string regular)
    {
        string name = Path.GetFileNameWithoutExtension(regular);
        string boldName = name.EndsWith("-Regular", StringComparison.Ordinal) ? name[..^"-Regular".Length] + "-Bold"
            : name.Equals("arial", StringComparison.OrdinalIgnoreCase) ? "arialbd"
            : name + "-Bold";
        return Path.Combine(Path.GetDirectoryName(regular)!, boldName + Path.GetExtension(regular));
    }
}
