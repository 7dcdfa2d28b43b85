using System.Text.Json.Nodes;

namespace EcgXai.Reports.Atlas;

/// <summary>One folder of results (e.g. <c>explain/srg</c>, <c>eval/student</c>): its tables, pictures and JSON summaries.</summary>
/// <param name="RelativePath">The folder inside the run folder.</param>
/// <param name="Tables">Its CSV tables.</param>
/// <param name="Images">Its PNGs (those not shown on a concept card).</param>
/// <param name="Summaries">Its small JSON files (file path, content).</param>
public sealed record AtlasSection(string RelativePath, IReadOnlyList<AtlasTable> Tables, IReadOnlyList<AtlasImage> Images, IReadOnlyList<(string RelativePath, JsonNode Json)> Summaries);
