using System.Globalization;
using System.Text.Json.Nodes;
using EcgXai.IO;

namespace EcgXai.Reports.Atlas;

/// <summary>How the atlas writes numbers: three decimals, an interval as <c>0.957 [0.888, 0.999]</c>, a dataset spec by its kind and folder.</summary>
public static class Cells
{
    /// <summary>A dash for a missing or non-finite value.</summary>
    public const string Missing = "–";

    /// <summary><paramref name="value"/> with three decimals.</summary>
    public static string Number(double? value) => value is double v && double.IsFinite(v) ? v.ToString("0.000", CultureInfo.InvariantCulture) : Missing;

    /// <summary><paramref name="value"/> with its interval.</summary>
    public static string Interval(double? value, double? low, double? high) =>
        value is double v && double.IsFinite(v) ? $"{Number(v)} [{Number(low)}, {Number(high)}]" : Missing;

    /// <summary>A number as JSON holds it (null when absent or not a number).</summary>
    public static double? Of(JsonNode? node) => node is JsonValue v && v.TryGetValue(out double x) ? x : null;

    /// <summary>A number as a CSV field holds it (null when empty or not a number).</summary>
    public static double? Of(string field) => double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) ? x : null;

    /// <summary>A field formatted: numbers with three decimals (integers as they are), text unchanged.</summary>
    public static string Field(string field) => Of(field) is not double x ? field
        : int.TryParse(field, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) ? field : Number(x);

    /// <summary>A dataset spec (<c>ptbxl:/data/ptbxl-records100@test</c>) as <c>ptbxl ptbxl-records100@test</c>: its kind and last folder.</summary>
    public static string Dataset(string spec) => spec.IndexOf(':', StringComparison.Ordinal) is int i and > 0
        ? $"{spec[..i]} {Path.GetFileName(spec[(i + 1)..].TrimEnd('/'))}" : spec;

    /// <summary><paramref name="table"/> with its numbers formatted and the columns empty in every row left out.</summary>
    public static AtlasTable Formatted(string relativePath, CsvTable table)
    {
        int[] kept = Enumerable.Range(0, table.Header.Count).Where(c => table.Rows.Any(r => CsvTable.Field(r, c).Length > 0)).ToArray();
        return new AtlasTable(relativePath, kept.Select(c => table.Header[c]).ToArray(),
            table.Rows.Select(r => (IReadOnlyList<string>)kept.Select(c => Field(CsvTable.Field(r, c))).ToArray()).ToArray(), table.Rows.Count);
    }
}
