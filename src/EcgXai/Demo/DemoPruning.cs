using System.Globalization;
using EcgXai.Explain.Faithfulness;
using EcgXai.IO;

namespace EcgXai.Demo;

/// <summary>
/// The target's AUROC on one dataset when the classifier input keeps <paramref name="Keep"/> of its positions, as recorded in
/// <c>explain/prune/pruning.csv</c>: the most relevant, random (mean over the draws) and the least relevant, and unpruned.
/// </summary>
/// <param name="Dataset">The dataset spec.</param>
/// <param name="Keep">Positions kept.</param>
/// <param name="Units">Positions in all.</param>
/// <param name="Relevant">AUROC keeping the most relevant.</param>
/// <param name="Random">Mean AUROC over random draws.</param>
/// <param name="Least">AUROC keeping the least relevant.</param>
/// <param name="Unpruned">AUROC of the unpruned model.</param>
public sealed record DemoPruning(string Dataset, int Keep, int Units, double Relevant, double Random, double Least, double Unpruned)
{
    /// <summary>One row per dataset of <paramref name="path"/> for class <paramref name="target"/> at <paramref name="keep"/> positions.</summary>
    public static IReadOnlyList<DemoPruning> Read(string path, string target, int keep)
    {
        CsvTable csv = CsvTable.Read(path);
        int dataset = csv.Column("dataset"), level = csv.Column("level"), method = csv.Column("method"), k = csv.Column("keep"), units = csv.Column("units"), cls = csv.Column("class"), auroc = csv.Column("auroc");
        var rows = csv.Rows.Where(r => r[level] == "positions" && r[cls] == target).ToArray();
        double At(IEnumerable<IReadOnlyList<string>> group, string m, int count) =>
            group.FirstOrDefault(r => r[method] == m && (m == PruningMethods.Unpruned || r[k] == count.ToString(CultureInfo.InvariantCulture))) is { } row
            && double.TryParse(row[auroc], NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : double.NaN;
        return rows.GroupBy(r => r[dataset]).Select(g => new DemoPruning(g.Key, keep, int.Parse(g.First()[units], CultureInfo.InvariantCulture),
            At(g, PruningMethods.Relevant, keep), At(g, PruningMethods.Random, keep), At(g, PruningMethods.Least, keep), At(g, PruningMethods.Unpruned, keep))).ToArray();
    }
}
