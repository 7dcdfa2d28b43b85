using System.Globalization;
using System.Text;
using System.Text.Json;
using EcgXai.IO;

namespace EcgXai.Datasets;

/// <summary>Cohort statistics of several datasets, as a table: text for the console, <c>data/cohort.csv</c> and <c>data/cohort.json</c> in a run folder.</summary>
/// <param name="Datasets">One row per dataset spec.</param>
public sealed record CohortReport(IReadOnlyList<CohortStatistics> Datasets)
{
    /// <summary>Indexes every spec (no signal is read), computes its statistics, and writes the tables when an output folder is given.</summary>
    public static CohortReport Create(CohortOptions options)
    {
        if (options.Specs.Count == 0)
        {
            throw new ArgumentException("name at least one dataset spec", nameof(options));
        }
        var report = new CohortReport(options.Specs.Select(s => CohortStatistics.Compute(DatasetIndex.Load(DatasetSpec.Parse(s)))).ToArray());
        if (options.OutDirectory is { } dir)
        {
            AtomicFile.WriteText(Path.Combine(dir, "data", "cohort.csv"), report.ToCsv());
            AtomicFile.WriteText(Path.Combine(dir, "data", "cohort.json"), report.ToJson());
        }
        return report;
    }

    /// <summary>CSV: one row per dataset; prevalences in percent.</summary>
    public string ToCsv()
    {
        var text = new StringBuilder("dataset,records,patients,age_known,median_age,age_q1,age_q3,age_iqr,sex_known,percent_male,");
        text.Append(string.Join(",", LabelMap.Labels.Select(l => "prevalence_" + l))).Append(",skipped\n");
        foreach (CohortStatistics d in Datasets)
        {
            text.Append('"').Append(d.Dataset.Replace("\"", "\"\"")).Append('"');
            foreach (object? v in new object?[] { d.Records, d.Patients, d.AgeKnown, d.MedianAge, d.AgeQ1, d.AgeQ3, d.AgeIqr, d.SexKnown, d.PercentMale })
            {
                text.Append(',').Append(Format(v));
            }
            foreach (string label in LabelMap.Labels)
            {
                text.Append(',').Append(Format(d.Prevalence[label]));
            }
            text.Append(',').Append(d.SkippedByReason.Values.Sum()).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>JSON array with every statistic, label counts, skip reasons and unmapped codes.</summary>
    public string ToJson() =>
        JsonSerializer.Serialize(Datasets.Select(d => new
        {
            dataset = d.Dataset,
            records = d.Records,
            patients = d.Patients,
            age_known = d.AgeKnown,
            median_age = d.MedianAge,
            age_q1 = d.AgeQ1,
            age_q3 = d.AgeQ3,
            age_iqr = d.AgeIqr,
            sex_known = d.SexKnown,
            percent_male = d.PercentMale,
            label_counts = d.LabelCounts,
            prevalence_percent = d.Prevalence,
            skipped = d.SkippedByReason,
            unmapped_codes = d.UnmappedCodeCounts,
            unknown_codes = d.UnknownCodeCounts,
            skipped_records = d.SkippedRecords.Select(r => new { id = r.Id, file = r.File, reason = r.Reason, problem = r.Problem }),
        }), new JsonSerializerOptions { WriteIndented = true });

    /// <summary>Readable lines for the console.</summary>
    public IEnumerable<string> ToLines()
    {
        foreach (CohortStatistics d in Datasets)
        {
            yield return d.Dataset;
            yield return $"  records {d.Records}, patients {d.Patients}";
            yield return $"  age median {Format(d.MedianAge)} (IQR {Format(d.AgeIqr)}: {Format(d.AgeQ1)}–{Format(d.AgeQ3)}, known for {d.AgeKnown}), male {Format(d.PercentMale)} % (of {d.SexKnown})";
            yield return "  prevalence %: " + string.Join(", ", LabelMap.Labels.Select(l => $"{l} {Format(d.Prevalence[l])} ({d.LabelCounts[l]})"));
            foreach (string line in SkippedRecordsFile.Summary(d.SkippedByReason, d.SkippedRecords, d.UnknownCodeCounts))
            {
                yield return "  " + line;
            }
        }
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        double d => Math.Round(d, 4).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
