using System.Globalization;
using System.Text;

namespace EcgXai.Explain.Faithfulness;

/// <summary>The result of <see cref="Pruning.Run"/>: the ranking, the table, and where the files went.</summary>
/// <param name="Options">What was run.</param>
/// <param name="Ranking">The unit ranking.</param>
/// <param name="Rows">Every table row.</param>
/// <param name="OutputDirectory">The <c>explain/prune/</c> folder written.</param>
public sealed record PruneReport(PruneOptions Options, PruningRanking Ranking, IReadOnlyList<PruningRow> Rows, string OutputDirectory)
{
    /// <summary>The target's rows as text: per dataset and level, one line per count with the three methods side by side.</summary>
    public string FormatTable()
    {
        var text = new StringBuilder();
        foreach (var group in Rows.Where(r => r.Class == Ranking.Target).GroupBy(r => (r.Dataset, r.Level)))
        {
            PruningRow unpruned = group.First(r => r.Method == PruningMethods.Unpruned);
            text.Append(CultureInfo.InvariantCulture, $"{Ranking.Target} AUROC on {group.Key.Dataset}, keeping {group.Key.Level.ToString().ToLowerInvariant()} of {unpruned.Units} (unpruned {unpruned.Auroc:F3} [{unpruned.Low:F3}, {unpruned.High:F3}])\n");
            text.Append("       k   most relevant [95% CI]   random mean [min, max]   least relevant [95% CI]\n");
            foreach (var k in group.Where(r => r.Method != PruningMethods.Unpruned).GroupBy(r => r.Keep))
            {
                string Cell(string method) => k.FirstOrDefault(r => r.Method == method) is { } r
                    ? string.Create(CultureInfo.InvariantCulture, $"{r.Auroc:F3} [{r.Low:F3}, {r.High:F3}]").PadRight(25) : "".PadRight(25);
                text.Append(CultureInfo.InvariantCulture, $"{k.Key,8}   {Cell(PruningMethods.Relevant)}{Cell(PruningMethods.Random)}{Cell(PruningMethods.Least)}\n");
            }
        }
        return text.ToString();
    }
}
