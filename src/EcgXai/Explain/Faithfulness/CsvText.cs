using System.Globalization;

namespace EcgXai.Explain.Faithfulness;

/// <summary>How the faithfulness tables write values: round-trip invariant numbers (NaN empty) and quoted text fields.</summary>
internal static class CsvText
{
    /// <summary>The value in round-trip invariant form, empty for NaN.</summary>
    public static string Number(double value) => double.IsNaN(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The text quoted when it holds a comma, quote or line break.</summary>
    public static string Field(string text) => text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
}
