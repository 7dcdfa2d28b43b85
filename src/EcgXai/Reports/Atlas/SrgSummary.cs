using System.Text.Json.Nodes;
using EcgXai.IO;

namespace EcgXai.Reports.Atlas;

/// <summary>
/// The symmetric relevance gain of <c>ecgxai srg</c>: the chosen explainer and, per place (input or layer), the best
/// variant (<c>best.json</c>), then every variant's SRG per place (<c>srg.csv</c>), with the MIF/LIF curve pictures.
/// </summary>
public static class SrgSummary
{
    /// <summary>The blocks, one per SRG folder.</summary>
    public static IEnumerable<AtlasBlock> Of(RunFiles files)
    {
        foreach (var (path, best) in files.JsonNamed("best.json").Where(b => b.Json["best_by_place"] is JsonObject))
        {
            var places = ((JsonObject)best["best_by_place"]!).Select(p => (IReadOnlyList<string>)[p.Key, (string?)p.Value?["variant"] ?? "",
                Cells.Interval(Cells.Of(p.Value?["srg"]), Cells.Of(p.Value?["srg_ci"]?[0]), Cells.Of(p.Value?["srg_ci"]?[1]))]).ToArray();
            var tables = new List<AtlasTable> { new(path, ["place", "best variant", "SRG [CI]"], places, places.Length) };
            if (files.TableBeside(path, "srg.csv") is { } srg && srg.Table.HasColumn("variant") && srg.Table.HasColumn("place") && srg.Table.HasColumn("srg"))
            {
                tables.Add(Pivot(srg.Path, srg.Table));
            }
            string note = $"Chosen explainer: {best["variant"]}, SRG at the input {Cells.Interval(Cells.Of(best["input_srg"]), Cells.Of(best["input_srg_ci"]?[0]), Cells.Of(best["input_srg_ci"]?[1]))}"
                + $" over {best["records"]} records of {Cells.Dataset((string?)best["data"] ?? "")}; runner-up {best["runner_up"]} "
                + $"(lead {Cells.Interval(Cells.Of(best["lead"]), Cells.Of(best["lead_ci"]?[0]), Cells.Of(best["lead_ci"]?[1]))}{((bool?)best["lead_holds"] == true ? ", holds" : ", within noise")}). "
                + "SRG is the area under the least-relevant-first flipping curve minus that under the most-relevant-first one: higher is more faithful. "
                + "The chosen explainer is the best LRP variant; gradient x input and random are baselines shown for comparison and never chosen (concepts are explained with LRP rules).";
            yield return new AtlasBlock("srg", "Faithfulness: symmetric relevance gain", note, tables, files.ImagesBeside(path, "curves"));
        }
    }

    private static AtlasTable Pivot(string path, CsvTable srg)
    {
        int variant = srg.Column("variant"), place = srg.Column("place"), value = srg.Column("srg");
        int? low = srg.HasColumn("srg_low") ? srg.Column("srg_low") : null, high = srg.HasColumn("srg_high") ? srg.Column("srg_high") : null;
        string[] places = srg.Rows.Select(r => CsvTable.Field(r, place)).Distinct().ToArray();
        var rows = srg.Rows.GroupBy(r => CsvTable.Field(r, variant)).Select(g => (IReadOnlyList<string>)[g.Key, .. places.Select(p =>
            g.FirstOrDefault(r => CsvTable.Field(r, place) == p) is { } r
                ? Cells.Interval(Cells.Of(CsvTable.Field(r, value)), low is int l ? Cells.Of(CsvTable.Field(r, l)) : null, high is int h ? Cells.Of(CsvTable.Field(r, h)) : null)
                : Cells.Missing)]).ToArray();
        return new AtlasTable(path, ["variant", .. places], rows, rows.Length);
    }
}
