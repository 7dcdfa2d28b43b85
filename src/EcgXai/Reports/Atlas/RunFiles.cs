using System.Text.Json.Nodes;
using EcgXai.IO;

namespace EcgXai.Reports.Atlas;

/// <summary>The result files of a run folder as read once for the atlas, by path relative to the run folder (with <c>/</c>).</summary>
/// <param name="Tables">Every CSV file.</param>
/// <param name="Json">Every small JSON file, and every <c>evaluation.json</c>.</param>
/// <param name="Images">Every PNG.</param>
public sealed record RunFiles(IReadOnlyDictionary<string, CsvTable> Tables, IReadOnlyDictionary<string, JsonNode> Json, IReadOnlyList<AtlasImage> Images)
{
    /// <summary>The CSV files called <paramref name="fileName"/>, in path order.</summary>
    public IEnumerable<(string Path, CsvTable Table)> TablesNamed(string fileName) =>
        Tables.Where(t => Name(t.Key) == fileName).OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => (t.Key, t.Value));

    /// <summary>The JSON files called <paramref name="fileName"/>, in path order.</summary>
    public IEnumerable<(string Path, JsonNode Json)> JsonNamed(string fileName) =>
        Json.Where(j => Name(j.Key) == fileName).OrderBy(j => j.Key, StringComparer.Ordinal).Select(j => (j.Key, j.Value));

    /// <summary>The JSON file <paramref name="fileName"/> in the folder of <paramref name="beside"/>, when read.</summary>
    public JsonNode? JsonBeside(string beside, string fileName) => Json.GetValueOrDefault(Sibling(beside, fileName));

    /// <summary>The CSV file <paramref name="fileName"/> in the folder of <paramref name="beside"/> and its path, when read.</summary>
    public (string Path, CsvTable Table)? TableBeside(string beside, string fileName) =>
        Tables.TryGetValue(Sibling(beside, fileName), out CsvTable? table) ? (Sibling(beside, fileName), table) : null;

    /// <summary>The PNGs in the folder of <paramref name="beside"/> whose names start with <paramref name="prefix"/>.</summary>
    public IReadOnlyList<AtlasImage> ImagesBeside(string beside, string prefix) => Images
        .Where(i => Folder(i.RelativePath) == Folder(beside) && Name(i.RelativePath).StartsWith(prefix, StringComparison.Ordinal)).ToArray();

    private static string Sibling(string path, string fileName) => Folder(path) is { Length: > 0 } folder ? $"{folder}/{fileName}" : fileName;

    private static string Folder(string path) => path.LastIndexOf('/') is int i and >= 0 ? path[..i] : "";

    private static string Name(string path) => path[(path.LastIndexOf('/') + 1)..];
}
