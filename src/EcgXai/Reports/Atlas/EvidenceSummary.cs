namespace EcgXai.Reports.Atlas;

/// <summary>The planted-evidence scores (<c>scores.csv</c> of <c>ecgxai groundtruth</c>, e.g. the demo's <c>evidence/explain/groundtruth</c>): how much relevance each variant puts where a known cue was planted.</summary>
public static class EvidenceSummary
{
    private static readonly string[] Needed = ["variant", "mass_accuracy", "rank_accuracy"];

    /// <summary>The blocks, one per scores file.</summary>
    public static IEnumerable<AtlasBlock> Of(RunFiles files) =>
        files.TablesNamed("scores.csv").Where(t => Needed.All(t.Table.HasColumn)).Select(t =>
        {
            var json = files.JsonBeside(t.Path, "scores.json");
            string cue = json is null ? "" : $" The cue: {json["kind"]} (class {json["target"]}); region: {json["region"]}.";
            return new AtlasBlock("evidence", "Planted evidence", "Mean share of positive relevance inside the planted cue (mass accuracy), of the top-K cells inside it with K its size (rank accuracy), and of records whose top cell lies in it (pointing), against the cue's share of all cells (region_share: what a random explanation scores on mass accuracy)." + cue,
                [Cells.Formatted(t.Path, t.Table)], files.ImagesBeside(t.Path, ""));
        });
}
