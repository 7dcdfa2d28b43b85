using System.Globalization;
using System.Text.Json.Nodes;

namespace EcgXai.Reports.Atlas;

/// <summary>
/// The AUROC table of every <c>evaluation.json</c> of the run (as <c>ecgxai evaluate</c> writes it): one row per evaluated
/// model (its folder) and dataset, one column per class, cells <c>AUROC [CI]</c>; with the ROC pictures beside them.
/// </summary>
public static class AurocSummary
{
    /// <summary>File name of an evaluation summary.</summary>
    public const string FileName = "evaluation.json";

    /// <summary>The block, or null when the run has no evaluation.</summary>
    public static AtlasBlock? Of(RunFiles files)
    {
        var evaluations = files.JsonNamed(FileName).ToArray();
        if (evaluations.Length == 0)
        {
            return null;
        }
        var rows = evaluations.SelectMany(e => (e.Json["datasets"] as JsonArray ?? []).OfType<JsonObject>().Select(d => (e.Path, Dataset: d))).ToArray();
        string[] classes = rows.SelectMany(r => Classes(r.Dataset)).Select(c => (string?)c["class"] ?? "").Distinct().ToArray();
        var cells = rows.Select(r =>
        {
            var byClass = Classes(r.Dataset).ToDictionary(c => (string?)c["class"] ?? "");
            var row = new List<string>
            {
                Model(r.Path),
                Cells.Dataset((string?)r.Dataset["spec"] ?? (string?)r.Dataset["name"] ?? ""),
                r.Dataset["in_distribution"] is JsonValue v && v.TryGetValue(out bool inside) ? (inside ? "in" : "shifted") : Cells.Missing,
                r.Dataset["records"]?.ToString() ?? Cells.Missing,
            };
            row.AddRange(classes.Select(c => byClass.TryGetValue(c, out JsonObject? m) && m["auroc_ci"] is JsonArray ci
                ? Cells.Interval(Cells.Of(m["auroc"]), Cells.Of(ci.ElementAtOrDefault(0)), Cells.Of(ci.ElementAtOrDefault(1)))
                : Cells.Missing));
            return (IReadOnlyList<string>)row;
        }).ToArray();
        string[] header = ["model", "dataset", "distribution", "records", .. classes];
        var images = evaluations.SelectMany(e => files.ImagesBeside(e.Path, "roc")).ToArray();
        string level = rows.SelectMany(r => Classes(r.Dataset)).Select(c => Cells.Of(c["ci_level"])).FirstOrDefault(l => l is not null) is double l
            ? string.Create(CultureInfo.InvariantCulture, $"{l * 100:0.#} % ") : "";
        return new AtlasBlock("auroc", "AUROC per class", $"Area under the ROC curve with its {level}bootstrap interval, per evaluated model (its folder under eval/) and dataset.",
            [new AtlasTable(string.Join(", ", evaluations.Select(e => e.Path)), header, cells, cells.Length)], images);
    }

    private static IEnumerable<JsonObject> Classes(JsonObject dataset) => (dataset["classes"] as JsonArray ?? []).OfType<JsonObject>();

    private static string Model(string path)
    {
        string[] parts = path.Split('/');
        return parts.Length >= 2 ? parts[^2] : path;
    }
}
