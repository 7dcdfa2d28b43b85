using EcgXai.IO;

namespace EcgXai.Reports.Atlas;

/// <summary>
/// The pruning curve of <c>ecgxai prune</c> (<c>pruning.csv</c>) for the target class of its <c>summary.json</c>: per dataset,
/// level and number of units kept, the AUROC of each method (the unpruned model, the most relevant kept, the least
/// relevant kept, random units), with the curve pictures.
/// </summary>
public static class PruningSummary
{
    private static readonly string[] Needed = ["dataset", "level", "method", "keep", "class", "auroc"];

    /// <summary>The blocks, one per pruning folder.</summary>
    public static IEnumerable<AtlasBlock> Of(RunFiles files)
    {
        foreach (var (path, table) in files.TablesNamed("pruning.csv").Where(t => Needed.All(t.Table.HasColumn)))
        {
            string? target = (string?)files.JsonBeside(path, "summary.json")?["target"];
            int dataset = table.Column("dataset"), level = table.Column("level"), method = table.Column("method"), keep = table.Column("keep"), cls = table.Column("class"), auroc = table.Column("auroc");
            int? low = table.HasColumn("low") ? table.Column("low") : null, high = table.HasColumn("high") ? table.Column("high") : null;
            var rows = table.Rows.Where(r => target is null || CsvTable.Field(r, cls) == target).ToArray();
            string[] methods = rows.Select(r => CsvTable.Field(r, method)).Where(m => m != "unpruned").Distinct().ToArray();
            var cells = rows.Where(r => CsvTable.Field(r, method) != "unpruned")
                .GroupBy(r => (Dataset: CsvTable.Field(r, dataset), Level: CsvTable.Field(r, level), Keep: CsvTable.Field(r, keep), Class: CsvTable.Field(r, cls)))
                .Select(g => (IReadOnlyList<string>)[Cells.Dataset(g.Key.Dataset), g.Key.Level, g.Key.Class, g.Key.Keep, .. methods.Select(m => g.FirstOrDefault(r => CsvTable.Field(r, method) == m) is { } r
                    ? Cells.Interval(Cells.Of(CsvTable.Field(r, auroc)), low is int l ? Cells.Of(CsvTable.Field(r, l)) : null, high is int h ? Cells.Of(CsvTable.Field(r, h)) : null)
                    : Cells.Missing)]).ToArray();
            var unpruned = rows.Where(r => CsvTable.Field(r, method) == "unpruned").Select(r =>
                $"{Cells.Dataset(CsvTable.Field(r, dataset))} ({CsvTable.Field(r, level)}) {Cells.Number(Cells.Of(CsvTable.Field(r, auroc)))}").Distinct();
            string note = $"AUROC{(target is null ? "" : $" for {target}")} with only the given number of classifier-input units kept. Unpruned: {string.Join("; ", unpruned)}. "
                + "A faithful ranking keeps the AUROC with few relevant units and loses it with the least relevant.";
            yield return new AtlasBlock("pruning", "Faithfulness: pruning", note, [new AtlasTable(path, ["dataset", "level", "class", "kept", .. methods], cells, cells.Length)], files.ImagesBeside(path, "prune"));
        }
    }
}
