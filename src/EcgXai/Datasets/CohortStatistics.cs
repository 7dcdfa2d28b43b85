using EcgXai.Signals;

namespace EcgXai.Datasets;

/// <summary>
/// Cohort description of one dataset selection: records, patients, median age with quartiles (linear interpolation
/// between order statistics, as numpy's default), percent male among records of known sex, and the prevalence
/// (percent of records) of each common label.
/// </summary>
/// <param name="Dataset">The spec.</param>
/// <param name="Records">Number of records.</param>
/// <param name="Patients">Number of distinct patients.</param>
/// <param name="AgeKnown">Records with a known age.</param>
/// <param name="MedianAge">Median age in years (null when no age is known).</param>
/// <param name="AgeQ1">First quartile of age.</param>
/// <param name="AgeQ3">Third quartile of age.</param>
/// <param name="SexKnown">Records with a known sex.</param>
/// <param name="PercentMale">Percent male among records of known sex (null when none is known).</param>
/// <param name="LabelCounts">Records carrying each common label, in table order.</param>
/// <param name="Prevalence">Percent of records carrying each common label, in table order.</param>
/// <param name="SkippedByReason">Records left out while indexing, by reason.</param>
/// <param name="UnmappedCodeCounts">Source codes outside the label space, with counts.</param>
/// <param name="UnknownCodeCounts">Codes the dataset's own code list does not define (its labels could not be read), with counts.</param>
/// <param name="SkippedRecords">The left-out records that can be named.</param>
public sealed record CohortStatistics(
    string Dataset,
    int Records,
    int Patients,
    int AgeKnown,
    double? MedianAge,
    double? AgeQ1,
    double? AgeQ3,
    int SexKnown,
    double? PercentMale,
    IReadOnlyDictionary<string, int> LabelCounts,
    IReadOnlyDictionary<string, double> Prevalence,
    IReadOnlyDictionary<string, int> SkippedByReason,
    IReadOnlyDictionary<string, int> UnmappedCodeCounts,
    IReadOnlyDictionary<string, int> UnknownCodeCounts,
    IReadOnlyList<SkippedRecord> SkippedRecords)
{
    /// <summary>Interquartile range of age (Q3 − Q1).</summary>
    public double? AgeIqr => AgeQ3 - AgeQ1;

    /// <summary>Statistics of the records <paramref name="index"/> selects.</summary>
    public static CohortStatistics Compute(DatasetIndex index)
    {
        IReadOnlyList<DatasetEntry> entries = index.Selected;
        double[] ages = entries.Where(e => e.Age is not null).Select(e => e.Age!.Value).Order().ToArray();
        int males = entries.Count(e => e.Sex == Sex.Male), sexKnown = entries.Count(e => e.Sex != Sex.Unknown);
        var counts = LabelMap.Labels.ToDictionary(l => l, l => entries.Count(e => e.Labels.Contains(l, StringComparer.Ordinal)), StringComparer.Ordinal);
        return new CohortStatistics(
            index.Spec.ToString(),
            entries.Count,
            entries.Select(e => e.PatientId).Distinct(StringComparer.Ordinal).Count(),
            ages.Length,
            Quantile(ages, 0.5),
            Quantile(ages, 0.25),
            Quantile(ages, 0.75),
            sexKnown,
            sexKnown == 0 ? null : 100.0 * males / sexKnown,
            counts,
            counts.ToDictionary(c => c.Key, c => entries.Count == 0 ? 0 : 100.0 * c.Value / entries.Count, StringComparer.Ordinal),
            index.SkippedByReason,
            index.UnmappedCodeCounts,
            index.UnknownCodeCounts,
            index.SkippedRecords);
    }

    /// <summary>The <paramref name="q"/>-quantile of sorted <paramref name="sorted"/> by linear interpolation at position <c>q (n − 1)</c>; null when empty.</summary>
    public static double? Quantile(IReadOnlyList<double> sorted, double q)
    {
        if (sorted.Count == 0)
        {
            return null;
        }
        double position = q * (sorted.Count - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
