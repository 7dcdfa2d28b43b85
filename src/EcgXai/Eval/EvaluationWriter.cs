using System.Text.Json;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using EcgXai.Datasets;
using EcgXai.IO;
using EcgXai.Reports;

namespace EcgXai.Eval;

/// <summary>
/// Writes an <see cref="EvaluationReport"/> into its <c>eval/</c> folder, atomically: <c>metrics.csv</c> (one row per
/// dataset and class), <c>table.csv</c> (classes x datasets side by side), <c>table.txt</c>, <c>skipped.csv</c> (records left out, by name), <c>evaluation.json</c>,
/// and per dataset <c>predictions-NAME.csv</c> and <c>roc-NAME.png</c>.
/// </summary>
public static class EvaluationWriter
{
    /// <summary>Writes every file of <paramref name="report"/>.</summary>
    public static void Write(EvaluationReport report)
    {
        string dir = report.OutputDirectory;
        IReadOnlyList<string> slugs = Slugs(report.Datasets.Select(d => d.Spec).ToList());
        AtomicFile.WriteText(Path.Combine(dir, "metrics.csv"), MetricsCsv(report));
        AtomicFile.WriteText(Path.Combine(dir, "table.csv"), TableCsv(report, slugs));
        AtomicFile.WriteText(Path.Combine(dir, "table.txt"), report.FormatTable());
        if (report.Datasets.Any(d => d.Classes.Any(c => c.Comparison is not null)))
        {
            AtomicFile.WriteText(Path.Combine(dir, "comparison.csv"), ComparisonCsv(report));
        }
        SkippedRecordsFile.Write(Path.Combine(dir, "skipped.csv"), report.Datasets.Select(d => (d.Spec, d.SkippedRecords)));
        AtomicFile.WriteText(Path.Combine(dir, "evaluation.json"), Json(report, slugs).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        for (int i = 0; i < report.Datasets.Count; i++)
        {
            DatasetEvaluation d = report.Datasets[i];
            AtomicFile.WriteText(Path.Combine(dir, $"predictions-{slugs[i]}.csv"), PredictionsCsv(d));
            RocPlot.Write(Path.Combine(dir, $"roc-{slugs[i]}.png"), $"ROC: {d.Spec}{(d.InDistribution ? " (in-distribution)" : "")}",
                d.Classes.Select(c => new RocPlot.Curve(string.Create(CultureInfo.InvariantCulture, $"{c.ClassName} (AUROC {c.Auroc.Estimate:0.000} [{c.Auroc.Lower:0.000}, {c.Auroc.Upper:0.000}])"), c.Roc, c.Band)).ToList());
        }
    }

    /// <summary>File-name-safe, unique names for <paramref name="specs"/> (kind, folder name, split).</summary>
    public static IReadOnlyList<string> Slugs(IReadOnlyList<string> specs)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (string spec in specs)
        {
            string raw;
            try
            {
                DatasetSpec parsed = DatasetSpec.Parse(spec);
                string folder = Path.GetFileName(Path.TrimEndingDirectorySeparator(parsed.Path));
                raw = $"{spec[..spec.IndexOf(':')]}-{folder}" + (parsed.Split is { } s ? "-" + s.ToString() : "");
            }
            catch (EcgXaiException)
            {
                raw = spec;
            }
            string slug = new string(raw.ToLowerInvariant().Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.' ? ch : '-').ToArray()).Trim('-');
            string unique = slug;
            for (int n = 2; !used.Add(unique); n++)
            {
                unique = $"{slug}-{n}";
            }
            result.Add(unique);
        }
        return result;
    }

    private static string MetricsCsv(EvaluationReport report)
    {
        var csv = new StringBuilder("dataset,in_distribution,class,n,positives,auroc,auroc_ci_low,auroc_ci_high,bootstrap_resamples,threshold,threshold_source,sensitivity,specificity,f1,tp,fp,tn,fn\n");
        foreach (DatasetEvaluation d in report.Datasets)
        {
            foreach (ClassEvaluation c in d.Classes)
            {
                var m = c.AtThreshold;
                csv.AppendLine(string.Join(",",
                    Csv(d.Spec), d.InDistribution ? "true" : "false", Csv(c.ClassName), c.Count, c.Positives,
                    N(c.Auroc.Estimate), N(c.Auroc.Lower), N(c.Auroc.Upper), c.Auroc.Resamples,
                    N(m.Threshold), Csv(c.ThresholdSource), N(m.Sensitivity), N(m.Specificity), N(m.F1),
                    m.TruePositives, m.FalsePositives, m.TrueNegatives, m.FalseNegatives));
            }
        }
        return csv.ToString();
    }

    private static string ComparisonCsv(EvaluationReport report)
    {
        var csv = new StringBuilder("dataset,class,other_model,n,positives,auroc,other_auroc,other_auroc_ci_low,other_auroc_ci_high,difference,difference_ci_low,difference_ci_high,bootstrap_resamples\n");
        foreach (DatasetEvaluation d in report.Datasets)
        {
            foreach (ClassEvaluation c in d.Classes)
            {
                if (c.Comparison is { } m)
                {
                    csv.AppendLine(string.Join(",", Csv(d.Spec), Csv(c.ClassName), Csv(m.OtherModelPath), m.Records, m.Positives, N(m.Auroc),
                        N(m.OtherAuroc.Estimate), N(m.OtherAuroc.Lower), N(m.OtherAuroc.Upper), N(m.Difference.Estimate), N(m.Difference.Lower), N(m.Difference.Upper),
                        m.Difference.Resamples));
                }
            }
        }
        return csv.ToString();
    }

    private static string TableCsv(EvaluationReport report, IReadOnlyList<string> slugs)
    {
        var csv = new StringBuilder("class");
        foreach (string slug in slugs)
        {
            csv.Append(string.Concat(new[] { "auroc", "auroc_ci_low", "auroc_ci_high", "sensitivity", "specificity", "f1" }.Select(m => $",{slug}:{m}")));
        }
        csv.AppendLine();
        foreach (string name in report.Datasets.SelectMany(d => d.Classes.Select(c => c.ClassName)).Distinct())
        {
            csv.Append(Csv(name));
            foreach (DatasetEvaluation d in report.Datasets)
            {
                ClassEvaluation? c = d.Classes.FirstOrDefault(x => x.ClassName == name);
                double[] values = c is null ? [double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN]
                    : [c.Auroc.Estimate, c.Auroc.Lower, c.Auroc.Upper, c.AtThreshold.Sensitivity, c.AtThreshold.Specificity, c.AtThreshold.F1];
                csv.Append(string.Concat(values.Select(v => "," + N(v))));
            }
            csv.AppendLine();
        }
        return csv.ToString();
    }

    private static string PredictionsCsv(DatasetEvaluation d)
    {
        int classes = d.ClassNames.Count;
        var csv = new StringBuilder("record_id");
        foreach (string name in d.ClassNames)
        {
            csv.Append($",label_{name},prob_{name}");
        }
        csv.AppendLine();
        for (int i = 0; i < d.RecordIds.Count; i++)
        {
            csv.Append(Csv(d.RecordIds[i]));
            for (int c = 0; c < classes; c++)
            {
                csv.Append(',').Append(d.Labels[i * classes + c].ToString("R", CultureInfo.InvariantCulture));
                csv.Append(',').Append(d.Probabilities[i * classes + c].ToString("R", CultureInfo.InvariantCulture));
            }
            csv.AppendLine();
        }
        return csv.ToString();
    }

    private static JsonObject Json(EvaluationReport report, IReadOnlyList<string> slugs) => new()
    {
        ["model"] = report.ModelPath,
        ["training_data"] = new JsonArray(report.TrainingData.Select(s => (JsonNode?)s).ToArray()),
        ["missing_leads"] = report.MissingLeads.ToString().ToLowerInvariant(),
        ["datasets"] = new JsonArray(report.Datasets.Select((d, i) => (JsonNode?)new JsonObject
        {
            ["spec"] = d.Spec,
            ["name"] = slugs[i],
            ["in_distribution"] = d.InDistribution,
            ["records"] = d.RecordIds.Count,
            ["macro_auroc"] = J(d.MacroAuroc),
            ["skipped"] = new JsonObject(d.SkippedByReason.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
            ["classes"] = new JsonArray(d.Classes.Select(c => (JsonNode?)new JsonObject
            {
                ["class"] = c.ClassName,
                ["n"] = c.Count,
                ["positives"] = c.Positives,
                ["auroc"] = J(c.Auroc.Estimate),
                ["auroc_ci"] = new JsonArray(J(c.Auroc.Lower), J(c.Auroc.Upper)),
                ["ci_level"] = c.Auroc.Level,
                ["bootstrap_resamples"] = c.Auroc.Resamples,
                ["threshold"] = J(c.AtThreshold.Threshold),
                ["threshold_source"] = c.ThresholdSource,
                ["sensitivity"] = J(c.AtThreshold.Sensitivity),
                ["specificity"] = J(c.AtThreshold.Specificity),
                ["f1"] = J(c.AtThreshold.F1),
                ["comparison"] = c.Comparison is { } m ? new JsonObject
                {
                    ["other_model"] = m.OtherModelPath,
                    ["n"] = m.Records,
                    ["positives"] = m.Positives,
                    ["auroc"] = J(m.Auroc),
                    ["other_auroc"] = J(m.OtherAuroc.Estimate),
                    ["other_auroc_ci"] = new JsonArray(J(m.OtherAuroc.Lower), J(m.OtherAuroc.Upper)),
                    ["difference"] = J(m.Difference.Estimate),
                    ["difference_ci"] = new JsonArray(J(m.Difference.Lower), J(m.Difference.Upper)),
                } : null,
            }).ToArray()),
        }).ToArray()),
    };

    private static JsonNode? J(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;

    private static string N(double value) => double.IsNaN(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture);

    private static string Csv(string text) => text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
}
