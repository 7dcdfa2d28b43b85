using System.Globalization;
using EcgXai.IO;

namespace EcgXai.Tests.Explain.Concepts;

/// <summary>Compares the tables of two concept folders: same files, rows and text fields, numbers equal to a relative tolerance.</summary>
internal static class ConceptTablesAssert
{
    public static readonly string[] Tables = ["statistics.csv", "agreement.csv", "references.csv", "position_references.csv", "reference_heatmaps.csv", "lead_profiles.csv"];

    public static void Equal(string expectedDirectory, string actualDirectory, double relative = 1e-6)
    {
        foreach (string name in Tables)
        {
            CsvTable expected = CsvTable.Read(Path.Combine(expectedDirectory, name)), actual = CsvTable.Read(Path.Combine(actualDirectory, name));
            Assert.Equal(expected.Header, actual.Header);
            Assert.Equal(expected.Rows.Count, actual.Rows.Count);
            for (int r = 0; r < expected.Rows.Count; r++)
            {
                for (int c = 0; c < expected.Header.Count; c++)
                {
                    string e = expected.Rows[r][c], a = actual.Rows[r][c];
                    if (double.TryParse(e, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) && double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out double y))
                    {
                        Assert.True(Math.Abs(x - y) <= relative * Math.Max(Math.Abs(x), 1e-12) + 1e-12,
                            $"{name} row {r + 1} {expected.Header[c]}: {e} vs {a}");
                    }
                    else
                    {
                        Assert.True(e == a, $"{name} row {r + 1} {expected.Header[c]}: '{e}' vs '{a}'");
                    }
                }
            }
        }
    }
}
