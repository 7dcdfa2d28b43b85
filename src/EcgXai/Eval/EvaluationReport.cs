using System.Globalization;
using System.Text;
using EcgXai.Datasets;

namespace EcgXai.Eval;

/// <summary>The result of <see cref="Evaluation.Run"/>: every dataset's metrics, and where the files went.</summary>
/// <param name="ModelPath">The evaluated checkpoint.</param>
/// <param name="TrainingData">The specs the checkpoint was trained on.</param>
/// <param name="Datasets">Per-dataset results, in the order given.</param>
/// <param name="OutputDirectory">The <c>eval/</c> folder written.</param>
public sealed record EvaluationReport(string ModelPath, IReadOnlyList<string> TrainingData, IReadOnlyList<DatasetEvaluation> Datasets, string OutputDirectory)
{
    /// <summary>Whether records lacking some of the model's leads were skipped or had them zero-filled.</summary>
    public MissingLeadHandling MissingLeads { get; init; } = MissingLeadHandling.Refuse;

    /// <summary>
    /// The side-by-side table: one row per class, per dataset a column group with AUROC [95 % CI] and sensitivity,
    /// specificity, F1 and positives at the checkpoint's thresholds; datasets the model was trained on are marked "(in-dist)";
    /// a last row gives the macro AUROC, the records evaluated and those the preparer skipped.
    /// </summary>
    public string FormatTable()
    {
        const int ClassWidth = 8, GroupWidth = 42;
        var text = new StringBuilder();
        text.Append("class".PadRight(ClassWidth));
        foreach (DatasetEvaluation d in Datasets)
        {
            string title = d.Spec + (d.InDistribution ? " (in-dist)" : "");
            text.Append(" | ").Append(Fit(title, GroupWidth));
        }
        text.AppendLine();
        text.Append(new string(' ', ClassWidth));
        foreach (DatasetEvaluation _ in Datasets)
        {
            text.Append(" | ").Append("AUROC [95% CI]        Se    Sp    F1   n+".PadRight(GroupWidth));
        }
        text.AppendLine();
        IEnumerable<string> classes = Datasets.SelectMany(d => d.Classes.Select(c => c.ClassName)).Distinct();
        foreach (string name in classes)
        {
            text.Append(Fit(name, ClassWidth));
            foreach (DatasetEvaluation d in Datasets)
            {
                ClassEvaluation? c = d.Classes.FirstOrDefault(x => x.ClassName == name);
                string cell = c is null ? "" : string.Create(CultureInfo.InvariantCulture,
                    $"{F(c.Auroc.Estimate)} [{F(c.Auroc.Lower)}, {F(c.Auroc.Upper)}] {F2(c.AtThreshold.Sensitivity)} {F2(c.AtThreshold.Specificity)} {F2(c.AtThreshold.F1)} {c.Positives}");
                text.Append(" | ").Append(cell.PadRight(GroupWidth));
            }
            text.AppendLine();
        }
        text.Append("macro".PadRight(ClassWidth));
        foreach (DatasetEvaluation d in Datasets)
        {
            int skipped = d.SkippedByReason.Values.Sum();
            text.Append(" | ").Append($"{F(d.MacroAuroc)}   (n = {d.RecordIds.Count}{(skipped > 0 ? $", {skipped} skipped" : "")})".PadRight(GroupWidth));
        }
        text.AppendLine();
        foreach (DatasetEvaluation d in Datasets)
        {
            var notes = new List<string>();
            if (d.NotScored.Count > 0)
            {
                notes.Add($"not scored (labels cannot be read from this dataset): {string.Join(", ", d.NotScored)}");
            }
            notes.AddRange(d.Classes.Where(c => c.Comparison is not null).Select(c => Comparison(c.ClassName, c.Comparison!)));
            notes.AddRange(SkippedRecordsFile.Summary(d.SkippedByReason, d.SkippedRecords, d.UnknownCodeCounts));
            if (notes.Count > 0)
            {
                text.AppendLine(d.Spec + ":");
                foreach (string note in notes)
                {
                    text.Append("  ").AppendLine(note);
                }
            }
        }
        return text.ToString();
    }

    private static string Comparison(string className, ModelComparison m) =>
        string.Create(CultureInfo.InvariantCulture, $"{className} vs {Path.GetFileName(m.OtherModelPath)} (paired, n = {m.Records}, {m.Positives} positive): {F(m.Auroc)} vs {F(m.OtherAuroc.Estimate)} ")
        + string.Create(CultureInfo.InvariantCulture, $"[{F(m.OtherAuroc.Lower)}, {F(m.OtherAuroc.Upper)}], difference {m.Difference.Estimate:+0.000;-0.000;0.000} [{m.Difference.Lower:+0.000;-0.000;0.000}, {m.Difference.Upper:+0.000;-0.000;0.000}]")
        + (m.Significant ? "" : " (interval includes 0)");

    private static string Fit(string text, int width) => text.Length > width ? "…" + text[^(width - 1)..] : text.PadRight(width);

    private static string F(double value) => double.IsNaN(value) ? "  —  " : value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string F2(double value) => double.IsNaN(value) ? "  — " : value.ToString("0.00", CultureInfo.InvariantCulture).PadLeft(4);
}
