namespace EcgXai.Reports.Atlas;

/// <summary>Cross-dataset agreement of the concept rankings (<c>agreement.csv</c> of <c>ecgxai concepts</c>): per layer and pair of datasets, the Spearman correlation of the rankings and the overlap of their top 10.</summary>
public static class AgreementSummary
{
    /// <summary>The blocks, one per agreement file.</summary>
    public static IEnumerable<AtlasBlock> Of(RunFiles files) =>
        files.TablesNamed("agreement.csv").Where(t => t.Table.HasColumn("layer") && t.Table.HasColumn("spearman")).Select(t =>
            new AtlasBlock("agreement", "Cross-dataset agreement", "Do the datasets rank the concepts alike? Spearman correlation of the per-dataset rankings and the share of the top 10 they have in common, per layer.",
                [Datasets(Cells.Formatted(t.Path, t.Table))], []));

    private static AtlasTable Datasets(AtlasTable table) => table with
    {
        Rows = table.Rows.Select(r => (IReadOnlyList<string>)r.Select((cell, i) => table.Header[i].StartsWith("dataset", StringComparison.Ordinal) ? Cells.Dataset(cell) : cell).ToArray()).ToArray(),
    };
}
