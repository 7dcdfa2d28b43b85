using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using EcgXai.IO;

namespace EcgXai.Explain.Evidence;

/// <summary>
/// Scores of every explanation against a planted cue: the kind, whether its region is a proxy (a cue without a place of
/// its own, e.g. <c>rr-irregular</c>: the R-peak windows of the moved beats), and one row per variant at the input and
/// per top concept through its conditional heatmap.
/// </summary>
/// <param name="Kind">Evidence kind name (e.g. <c>p-absent</c>).</param>
/// <param name="Target">The explained class.</param>
/// <param name="ProxyRegion">True when the region stands for a cue without a local region.</param>
/// <param name="RegionNote">What the region is, in words.</param>
/// <param name="ConceptVariant">The variant whose conditional heatmaps score the concepts, or null without concepts.</param>
/// <param name="Rows">Input rows (one per variant), then concept rows by layer and rank.</param>
/// <param name="OutputDirectory">Where the files are.</param>
public sealed record GroundTruthReport(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("proxy_region")] bool ProxyRegion,
    [property: JsonPropertyName("region")] string RegionNote,
    [property: JsonPropertyName("concept_variant")] string? ConceptVariant,
    [property: JsonPropertyName("rows")] IReadOnlyList<GroundTruthRow> Rows,
    [property: JsonIgnore] string OutputDirectory)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Writes <c>scores.csv</c> and <c>scores.json</c> into <see cref="OutputDirectory"/>, atomically.</summary>
    public void Write()
    {
        Directory.CreateDirectory(OutputDirectory);
        var csv = new StringBuilder("variant,layer,concept,rank,records,mass_accuracy,rank_accuracy,pointing,region_share,proxy_region\n");
        foreach (GroundTruthRow r in Rows)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{r.Variant},{r.Layer},{r.Concept},{r.Rank},{r.Records},{r.MassAccuracy:R},{r.RankAccuracy:R},{r.Pointing:R},{r.RegionShare:R},{(ProxyRegion ? 1 : 0)}\n");
        }
        AtomicFile.WriteText(Path.Combine(OutputDirectory, "scores.csv"), csv.ToString());
        AtomicFile.WriteText(Path.Combine(OutputDirectory, "scores.json"), JsonSerializer.Serialize(this, Json));
    }

    /// <summary>The scores as a text table.</summary>
    public string FormatTable()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"planted evidence {Kind} ({Target}); region: {RegionNote}\n");
        text.Append("  explanation                                  records   mass acc   rank acc   pointing   region share\n");
        foreach (GroundTruthRow r in Rows)
        {
            string name = r.Concept is { } c ? $"{r.Variant} {r.Layer} concept {c} (#{r.Rank})" : r.Variant;
            text.Append(CultureInfo.InvariantCulture, $"  {name,-44} {r.Records,7}   {r.MassAccuracy,8:F4}   {r.RankAccuracy,8:F4}   {r.Pointing,8:F4}   {r.RegionShare,12:F4}\n");
        }
        return text.ToString();
    }
}
