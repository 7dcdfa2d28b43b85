using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EcgXai.IO;
using EcgXai.Models;

namespace EcgXai.Reports.Atlas;

/// <summary>
/// Reads a run folder for the atlas: <c>config.json</c>, <c>data/cohort.csv</c>, and every CSV, PNG and small JSON file
/// below <c>eval/</c>, <c>explain/</c> and <c>evidence/explain/</c>, grouped by folder, with the readable summaries of the
/// known result files (AUROC, agreement, SRG, pruning, planted evidence; <see cref="AtlasBlock"/>). A CSV with
/// <c>layer</c> and <c>channel</c> (or <c>concept</c>) columns describes concepts: its rows become concept cards (rank and
/// mean relevance from <c>rank</c> and <c>mean_relevance</c> or <c>normalised_mean</c> with its CI, per-dataset ranks from
/// rows with a <c>dataset</c>, purity and wave shares from rows with <c>labels</c>, the receptive field from reference rows
/// (with a <c>record</c>) and their <c>field_start</c>/<c>field_end</c>, columns named after leads or <c>lead</c>/<c>share</c>
/// rows form the per-lead profile, every other column is a value), a PNG whose file name contains the layer followed by
/// the channel (<c>concept-blocks.3.out-c17.png</c>) is shown on that card and one ending in the layer
/// (<c>ranking-blocks.3.out.png</c>) above the layer's cards.
/// </summary>
public static partial class RunFolderReader
{
    private const int MaxSummaryBytes = 64 * 1024;

    /// <summary>The folders read below the run folder (the demo's planted-evidence run writes <c>evidence/explain</c>).</summary>
    private static readonly string[] ResultFolders = ["eval", "explain", Path.Combine("evidence", "explain")];

    /// <summary>Reads <paramref name="options"/>' run folder.</summary>
    public static RunContent Read(AtlasOptions options)
    {
        string root = Path.GetFullPath(options.RunDirectory);
        string configPath = Path.Combine(root, "config.json");
        JsonNode? config = File.Exists(configPath) ? ParseJson(configPath) : null;
        AtlasTable? cohort = File.Exists(Path.Combine(root, "data", "cohort.csv")) ? ReadTable(root, Path.Combine(root, "data", "cohort.csv"), options.MaxTableRows) : null;

        var folders = ResultFolders.Select(f => Path.Combine(root, f)).Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories))
            .Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal))
            .GroupBy(f => Path.GetDirectoryName(f)!)
            .OrderBy(g => Relative(root, g.Key), StringComparer.Ordinal)
            .ToList();

        var conceptRows = new List<(string File, IReadOnlyList<string> Header, IReadOnlyList<string> Row)>();
        var tables = new Dictionary<string, CsvTable>();
        var json = new Dictionary<string, JsonNode>();
        var pngs = new List<AtlasImage>();
        foreach (string file in folders.SelectMany(f => f.OrderBy(p => p, StringComparer.Ordinal)))
        {
            string relative = Relative(root, file);
            switch (Path.GetExtension(file).ToLowerInvariant())
            {
                case ".csv":
                    CsvTable csv = CsvTable.Read(file);
                    if (IsConceptTable(csv.Header))
                    {
                        conceptRows.AddRange(csv.Rows.Select(r => (file, csv.Header, r)));
                    }
                    tables[relative] = csv;
                    break;
                case ".png":
                    pngs.Add(new AtlasImage(relative, File.ReadAllBytes(file)));
                    break;
                case ".json" when new FileInfo(file).Length <= MaxSummaryBytes || Path.GetFileName(file) == AurocSummary.FileName:
                    json[relative] = ParseJson(file);
                    break;
            }
        }
        var files = new RunFiles(tables, json, pngs);

        List<AtlasConcept> concepts = Concepts(conceptRows, pngs, options.MaxConceptsPerLayer, out HashSet<AtlasImage> shown);
        var layerImages = concepts.Select(c => c.Layer).Distinct()
            .ToDictionary(l => l, l => (IReadOnlyList<AtlasImage>)pngs.Where(p => Path.GetFileNameWithoutExtension(p.RelativePath).EndsWith("-" + l, StringComparison.Ordinal)).ToArray());
        shown.UnionWith(layerImages.Values.SelectMany(i => i));
        AtlasBlock[] modelAndData = new[] { AurocSummary.Of(files) }.OfType<AtlasBlock>().ToArray();
        AtlasBlock[] results = [.. AgreementSummary.Of(files), .. SrgSummary.Of(files), .. PruningSummary.Of(files), .. EvidenceSummary.Of(files)];
        shown.UnionWith(modelAndData.Concat(results).SelectMany(b => b.Images));

        var sections = folders.Select(f => new AtlasSection(Relative(root, f.Key),
                tables.Where(t => Folder(root, t.Key) == f.Key).OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => Shown(t.Key, t.Value, options.MaxTableRows)).ToArray(),
                pngs.Where(p => !shown.Contains(p) && Folder(root, p.RelativePath) == f.Key).ToArray(),
                json.Where(j => Folder(root, j.Key) == f.Key && Path.GetFileName(j.Key) != AurocSummary.FileName).OrderBy(j => j.Key, StringComparer.Ordinal).Select(j => (j.Key, j.Value)).ToArray()))
            .Where(s => s.Tables.Count + s.Images.Count + s.Summaries.Count > 0)
            .ToArray();

        if (config is null && cohort is null && sections.Length == 0 && concepts.Count == 0)
        {
            throw new EcgXaiException(root, "not a run folder: no config.json, data/cohort.csv, eval/ or explain/ results to show");
        }
        string? model = options.ModelPath ?? FindModel(root, config);
        string sha = model is null ? "" : Sha256(model);
        if (concepts.Count > 0 && model is null)
        {
            throw new EcgXaiException(root, "the run has concepts but no model file to key expert notes by (none named in config.json, no models/best.safetensors); give the model explicitly");
        }
        JsonNode? conceptConfig = files.JsonNamed("config.json").Select(c => c.Json).FirstOrDefault(c => c["options"]?["target"] is not null);
        return new RunContent(root, config, model, sha, cohort, sections, concepts)
        {
            ConceptConfig = conceptConfig,
            Target = (string?)conceptConfig?["options"]?["target"],
            SampleRate = model is null ? null : Checkpoint.ConfigOf(model)?.SampleRate,
            ModelAndData = modelAndData,
            Results = results,
            LayerImages = layerImages,
        };
    }

    /// <summary>Lower-case hex SHA-256 of a file.</summary>
    public static string Sha256(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>The column naming a concept's channel: <c>channel</c>, or <c>concept</c> as <c>ecgxai concepts</c> writes it.</summary>
    private static string? ChannelColumn(IReadOnlyList<string> header) =>
        new[] { "channel", "concept" }.FirstOrDefault(c => header.Contains(c, StringComparer.OrdinalIgnoreCase));

    private static bool IsConceptTable(IReadOnlyList<string> header) =>
        header.Contains("layer", StringComparer.OrdinalIgnoreCase) && ChannelColumn(header) is not null;

    private static List<AtlasConcept> Concepts(List<(string File, IReadOnlyList<string> Header, IReadOnlyList<string> Row)> rows, List<AtlasImage> pngs, int perLayer, out HashSet<AtlasImage> onCards)
    {
        var builders = new Dictionary<(string, int), AtlasConceptBuilder>();
        var order = new List<(string, int)>();
        foreach (var (file, header, row) in rows)
        {
            string Get(string column) => header.ToList().FindIndex(h => string.Equals(h, column, StringComparison.OrdinalIgnoreCase)) is int i and >= 0 && i < row.Count ? row[i] : "";
            bool Has(string column) => header.Contains(column, StringComparer.OrdinalIgnoreCase);
            string channelColumn = ChannelColumn(header)!;
            if (!int.TryParse(Get(channelColumn), NumberStyles.Integer, CultureInfo.InvariantCulture, out int channel))
            {
                continue; // a position table or an aggregate row: shown as a table, not as a card
            }
            string layer = Get("layer");
            if (!builders.TryGetValue((layer, channel), out AtlasConceptBuilder? b))
            {
                builders[(layer, channel)] = b = new AtlasConceptBuilder(layer, channel);
                order.Add((layer, channel));
            }
            if (Has("record"))
            {
                b.Reference(Get("field_start"), Get("field_end")); // a reference sample: the concept's values are in the other tables
                continue;
            }
            if (Get("lead") is { Length: > 0 } lead && Cells.Of(Get("share")) is double share)
            {
                b.Lead(lead, share); // a long-format per-lead profile row
                continue;
            }
            string dataset = Get("dataset") is var d && d is "all" or "*" ? "" : d;
            string labels = Get("labels");
            if (labels.Length > 0)
            {
                b.Purity(labels, header, row);
            }
            string suffix = dataset.Length > 0 ? $" ({dataset})" : labels.Length > 0 ? $" ({labels})" : "";
            string[] skipped = ["layer", channelColumn, "dataset", "labels"];
            for (int i = 0; i < header.Count && i < row.Count; i++)
            {
                string column = header[i].Trim();
                if (row[i].Length > 0 && !skipped.Contains(column, StringComparer.OrdinalIgnoreCase))
                {
                    b.Set(column, dataset, suffix, row[i]);
                }
            }
        }
        onCards = [];
        var concepts = new List<AtlasConcept>();
        var shown = order.GroupBy(k => k.Item1).SelectMany(layer => layer.OrderBy(k => builders[k].Rank ?? int.MaxValue).ThenBy(k => k.Item2).Take(perLayer));
        foreach (var key in shown)
        {
            AtlasConceptBuilder b = builders[key];
            Regex name = new($"(^|[^0-9A-Za-z]){Regex.Escape(b.Layer)}[-_.]c?0*{b.Channel}(?![0-9])", RegexOptions.CultureInvariant);
            AtlasImage[] images = pngs.Where(p => name.IsMatch(Path.GetFileNameWithoutExtension(p.RelativePath))).ToArray();
            onCards.UnionWith(images);
            concepts.Add(b.Build(images));
        }
        return concepts.OrderBy(c => c.Layer, StringComparer.Ordinal).ThenBy(c => c.Rank ?? int.MaxValue).ThenBy(c => c.Channel).ToList();
    }

    private static string? FindModel(string root, JsonNode? config)
    {
        var candidates = new List<string>();
        Collect(config, candidates);
        string explainConfig = Path.Combine(root, "explain", "config.json");
        if (File.Exists(explainConfig))
        {
            Collect(ParseJson(explainConfig), candidates);
        }
        candidates.AddRange([Path.Combine("models", "best.safetensors"), Path.Combine("student", "models", "best.safetensors")]);
        foreach (string candidate in candidates)
        {
            foreach (string path in new[] { Path.Combine(root, candidate), Path.GetFullPath(candidate) })
            {
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }
        return null;
    }

    private static void Collect(JsonNode? node, List<string> found)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key == "model" && value is JsonValue v && v.TryGetValue(out string? path))
                    {
                        found.Add(path);
                    }
                    else
                    {
                        Collect(value, found);
                    }
                }
                break;
            case JsonArray array:
                foreach (JsonNode? item in array)
                {
                    Collect(item, found);
                }
                break;
        }
    }

    private static JsonNode ParseJson(string path)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) ?? new JsonObject();
        }
        catch (JsonException e)
        {
            throw new EcgXaiException(path, $"not valid JSON ({e.Message})");
        }
    }

    private static AtlasTable ReadTable(string root, string path, int maxRows) => Shown(Relative(root, path), CsvTable.Read(path), maxRows);

    private static AtlasTable Shown(string relative, CsvTable csv, int maxRows) =>
        new(relative, csv.Header, csv.Rows.Take(maxRows).ToArray(), csv.Rows.Count);

    private static string Folder(string root, string relative) => Path.GetDirectoryName(Path.Combine(root, relative))!;

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
