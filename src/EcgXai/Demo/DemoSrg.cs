using System.Text.Json;
using EcgXai.IO;

namespace EcgXai.Demo;

/// <summary>The demo's SRG outcome as recorded in <c>explain/srg/best.json</c> (so a resumed demo reports it without recomputing).</summary>
/// <param name="Variant">The LRP variant with the highest input SRG.</param>
/// <param name="InputSrg">Its input SRG.</param>
/// <param name="RunnerUp">The second-best LRP variant, or null.</param>
/// <param name="Lead">Its lead over the runner-up (mean per-record SRG difference), or null.</param>
/// <param name="LeadHolds">True when the lead's paired bootstrap interval lies above zero.</param>
/// <param name="BestByPlace">Per place (input, layers), the best LRP variant and its SRG.</param>
public sealed record DemoSrg(string Variant, double InputSrg, string? RunnerUp, double? Lead, bool LeadHolds, IReadOnlyList<(string Place, string Variant, double Srg)> BestByPlace)
{
    /// <summary>Reads <paramref name="path"/> (an SRG <c>best.json</c> with an LRP variant).</summary>
    public static DemoSrg Read(string path)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
            JsonElement root = document.RootElement;
            static double? Number(JsonElement e, string name) => e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
            var places = root.GetProperty("best_by_place").EnumerateObject()
                .Where(p => p.Value.ValueKind == JsonValueKind.Object)
                .Select(p => (p.Name, p.Value.GetProperty("variant").GetString()!, Number(p.Value, "srg") ?? double.NaN))
                .ToArray();
            return new DemoSrg(root.GetProperty("variant").GetString() ?? throw new EcgXaiException(path, "no LRP variant was compared"),
                Number(root, "input_srg") ?? double.NaN,
                root.TryGetProperty("runner_up", out JsonElement r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null,
                Number(root, "lead"),
                root.TryGetProperty("lead_holds", out JsonElement h) && h.ValueKind == JsonValueKind.True,
                places);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new EcgXaiException(path, "not a readable SRG best.json: " + e.Message);
        }
    }
}
