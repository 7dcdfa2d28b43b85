using System.Globalization;
using EcgXai.Datasets;
using EcgXai.Tests.Support;
using Microsoft.VisualBasic.FileIO;

namespace EcgXai.Tests.Datasets;

public sealed class CohortTests
{
    /// <summary>Reads the raw CSV with the framework's own parser, independent of the library's CSV code.</summary>
    private static List<Dictionary<string, string>> ReadRaw(string path)
    {
        using var parser = new TextFieldParser(path) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        string[] header = parser.ReadFields()!;
        var rows = new List<Dictionary<string, string>>();
        while (!parser.EndOfData)
        {
            string[] fields = parser.ReadFields()!;
            rows.Add(header.Zip(fields).ToDictionary(p => p.First, p => p.Second));
        }
        return rows;
    }

    private static double Percentile(List<double> values, double p)
    {
        var x = values.OrderBy(v => v).ToList();
        double h = (x.Count - 1) * p;
        double lo = x[(int)Math.Floor(h)], hi = x[(int)Math.Ceiling(h)];
        return lo + (h - Math.Floor(h)) * (hi - lo);
    }

    [SkippableFact]
    public void PtbXlSampleCohortMatchesAnIndependentComputationFromTheRawCsv()
    {
        string root = SharedData.Require("data/ptbxl-sample");
        List<Dictionary<string, string>> rows = ReadRaw(Path.Combine(root, "ptbxl_database.csv"));
        var ages = rows.Where(r => r["age"] != "").Select(r => Math.Min(90, double.Parse(r["age"], CultureInfo.InvariantCulture))).ToList();
        double Prevalence(string scp) => 100.0 * rows.Count(r => r["scp_codes"].Contains("'" + scp + "'", StringComparison.Ordinal)) / rows.Count;

        using var run = new TempDir();
        CohortReport report = CohortReport.Create(new CohortOptions(["ptbxl:" + root], run.Path));
        CohortStatistics s = Assert.Single(report.Datasets);

        Assert.Equal(rows.Count, s.Records);
        Assert.Equal(rows.Select(r => r["patient_id"]).Distinct().Count(), s.Patients);
        Assert.Equal(Percentile(ages, 0.5), s.MedianAge!.Value, 9);
        Assert.Equal(Percentile(ages, 0.75) - Percentile(ages, 0.25), s.AgeIqr!.Value, 9);
        Assert.Equal(100.0 * rows.Count(r => r["sex"] == "0") / rows.Count(r => r["sex"] is "0" or "1"), s.PercentMale!.Value, 9);
        foreach ((string label, string scp) in new[] { ("AF", "AFIB"), ("AFL", "AFLT"), ("1dAVb", "1AVB"), ("RBBB", "CRBBB"), ("LBBB", "CLBBB"), ("SB", "SBRAD"), ("ST", "STACH"), ("NORM", "NORM") })
        {
            Assert.Equal(Prevalence(scp), s.Prevalence[label], 9);
        }
        string csv = File.ReadAllText(Path.Combine(run.Path, "data", "cohort.csv"));
        Assert.Contains($",{rows.Count},{s.Patients},", csv);
        Assert.True(File.Exists(Path.Combine(run.Path, "data", "cohort.json")));
    }

    [Fact]
    public void QuantileInterpolatesBetweenOrderStatistics()
    {
        Assert.Equal(2.5, CohortStatistics.Quantile([1, 2, 3, 4], 0.5));
        Assert.Equal(1.75, CohortStatistics.Quantile([1, 2, 3, 4], 0.25));
        Assert.Null(CohortStatistics.Quantile([], 0.5));
    }
}
