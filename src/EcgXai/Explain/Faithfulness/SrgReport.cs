using System.Globalization;
using System.Text;

namespace EcgXai.Explain.Faithfulness;

/// <summary>The result of <see cref="Srg.Run"/>: every curve, the summaries, the chosen variant and where the files went.</summary>
/// <param name="Options">What was run.</param>
/// <param name="Result">The curves.</param>
/// <param name="Summaries">SRG per variant and place.</param>
/// <param name="Best">The chosen LRP variant, or null when no LRP variant was compared.</param>
/// <param name="OutputDirectory">The <c>explain/srg/</c> folder written.</param>
public sealed record SrgReport(SrgOptions Options, SrgResult Result, IReadOnlyList<SrgSummary> Summaries, SrgChoice? Best, string OutputDirectory)
{
    /// <summary>Per place, the variants by descending SRG with their intervals and areas, and the choice at the input.</summary>
    public string FormatTable()
    {
        var text = new StringBuilder();
        foreach (var place in Summaries.GroupBy(s => s.Place))
        {
            SrgSummary first = place.First();
            text.Append(CultureInfo.InvariantCulture, $"SRG at {place.Key} ({first.Features} {first.FeatureKind}, {first.Records} records, {Result.Settings.Steps} steps)\n");
            text.Append("  variant                              SRG [95% CI]               MIF area   LIF area\n");
            foreach (SrgSummary s in place.OrderByDescending(s => s.Srg.Estimate))
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"  {(s.Variant + (s.IsBaseline ? " (baseline)" : "")),-36} {s.Srg.Estimate,7:F4} [{s.Srg.Lower,7:F4}, {s.Srg.Upper,7:F4}]   {s.MifArea.Estimate,8:F4}   {s.LifArea.Estimate,8:F4}\n");
            }
        }
        if (Best is { } b)
        {
            text.Append(CultureInfo.InvariantCulture, $"best at the input: {b.Best.Name} (SRG {b.BestSrg.Estimate:F4})");
            text.Append(b.RunnerUp is null ? "\n" : string.Create(CultureInfo.InvariantCulture,
                $", lead over {b.RunnerUp.Name} {b.Lead!.Estimate:F4} [{b.Lead.Lower:F4}, {b.Lead.Upper:F4}] {(b.LeadHolds ? "holds" : "does not hold")} in a paired bootstrap\n"));
        }
        return text.ToString();
    }
}
