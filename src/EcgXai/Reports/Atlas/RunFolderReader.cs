using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EcgXai.IO;
using EcgXai.Signals;

namespace EcgXai.Reports.Atlas;

/// <summary>
/// Reads a run folder for the atlas: <c>config.json</c>, <c>data/cohort.csv</c>, and every CSV, PNG and small JSON file
/// below <c>eval/</c> and <c>explain/</c>, grouped by folder. A CSV with <c>layer</c> and <c>channel</c> (or <c>concept</c>) columns
/// describes concepts: its rows become concept cards (rank and mean relevance from <c>rank</c> and
/// <c>mean_relevance</c> or <c>normalised_mean</c>, columns named after leads or <c>lead</c>/<c>share</c> rows form the per-lead profile, other columns are shown as values), and a
/// PNG whose file name contains the layer followed by the channel (<c>blocks.3.out-c17.png</c>,
/// <c>concept-blocks.3.out-17-refs.png</c>) is shown on that card.
/// </summary>
public static partial class RunFolderReader
{
    private const int MaxSummaryBytes = 64 * 1024;

    /// <summary>Reads <paramref name="options"/>' run folder.</summary>
    public static RunContent Read(AtlasOptions options)
    {
        string root = Path.GetFullPath(options.RunDirectory);
        string configPath = Path.Combine(root, "config.json");
        JsonNode? config = File.Exists(configPath) ? ParseJson(configPath) : null;
        AtlasTable? cohort = File.Exists(Path.Combine(root, "data", "cohort.csv")) ? ReadTable(root, Path.Combine(root, "data", "cohort.csv"), options.MaxTableRows) : null;

        var folders = new[] { "eval", "explain" }.Select(f => Path.Combine(root, f)).Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories))
            .Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal))
            .GroupBy(f => Path.GetDirectoryName(f)!)
            .OrderBy(g => Relative(root, g.Key), StringComparer.Ordinal)
            .ToList();

        var conceptRows = new List<(string File, IReadOnlyList<string> Header, IReadOnlyList<string> Row)>();
        var pngs = new List<AtlasImage>();
        var sections = new List<(string Dir, List<AtlasTable> Tables, List<(string, JsonNode)> Summaries)>();
        foreach (var folder in folders)
        {
            var tables = new List<AtlasTable>();
            var summaries = new List<(string, JsonNode)>();
            foreach (string file in folder.OrderBy(f => f, StringComparer.Ordinal))
            {
                switch (Path.GetExtension(file).ToLowerInvariant())
                {
                    case ".csv":
                        CsvTable csv = CsvTable.Read(file);
                        if (IsConceptTable(csv.Header))
                        {
                            conceptRows.AddRange(csv.Rows.Select(r => (file, csv.Header, r)));
                        }
                        tables.Add(Shown(root, csv, options.MaxTableRows));
                        break;
                    case ".png":
                        pngs.Add(new AtlasImage(Relative(root, file), File.ReadAllBytes(file)));
                        break;
                    case ".json" when new FileInfo(file).Length <= MaxSummaryBytes:
                        summaries.Add((Relative(root, file), ParseJson(file)));
                        break;
                }
            }
            sections.Add((folder.Key, tables, summaries));
        }

        List<AtlasConcept> concepts = Concepts(conceptRows, pngs, options.MaxConceptsPerLayer, out HashSet<AtlasImage> onCards);
        var result = sections
            .Select(s => new AtlasSection(Relative(root, s.Dir), s.Tables,
                pngs.Where(p => !onCards.Contains(p) && Path.GetDirectoryName(Path.Combine(root, p.RelativePath)) == s.Dir).ToArray(), s.Summaries))
            .Where(s => s.Tables.Count + s.Images.Count + s.Summaries.Count > 0)
            .ToArray();

        if (config is null && cohort is null && result.Length == 0 && concepts.Count == 0)
        {
            throw new EcgXaiException(root, "not a run folder: no config.json, data/cohort.csv, eval/ or explain/ results to show");
        }
        string? model = options.ModelPath ?? FindModel(root, config);
        string sha = model is null ? "" : Sha256(model);
        if (concepts.Count > 0 && model is null)
        {
            throw new EcgXaiException(root, "the run has concepts but no model file to key expert notes by (none named in config.json, no models/best.safetensors); give the model explicitly");
        }
        return new RunContent(root, config, model, sha, cohort, result, concepts);
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
        var builders = new Dictionary<(string, int), ConceptBuilder>();
        var order = new List<(string, int)>();
        foreach (var (file, header, row) in rows)
        {
            string Get(string column) => header.ToList().FindIndex(h => string.Equals(h, column, StringComparison.OrdinalIgnoreCase)) is int i and >= 0 && i < row.Count ? row[i] : "";
            string channelColumn = ChannelColumn(header)!;
            if (!int.TryParse(Get(channelColumn), NumberStyles.Integer, CultureInfo.InvariantCulture, out int channel))
            {
                continue; // a position table or an aggregate row: shown as a table, not as a card
            }
            string layer = Get("layer");
            if (!builders.TryGetValue((layer, channel), out ConceptBuilder? b))
            {
                builders[(layer, channel)] = b = new ConceptBuilder(layer, channel);
                order.Add((layer, channel));
            }
            string dataset = Get("dataset");
            bool overall = dataset.Length == 0 || dataset is "all" or "*";
            string suffix = overall ? "" : $" ({dataset})";
            if (Get("lead") is { Length: > 0 } lead && double.TryParse(Get("share"), NumberStyles.Float, CultureInfo.InvariantCulture, out double share))
            {
                b.Set(lead, suffix, share.ToString("R", CultureInfo.InvariantCulture), overall); // a long-format per-lead profile row
                continue;
            }
            for (int i = 0; i < header.Count && i < row.Count; i++)
            {
                string column = header[i].Trim();
                if (column.Equals("layer", StringComparison.OrdinalIgnoreCase) || column.Equals(channelColumn, StringComparison.OrdinalIgnoreCase) || column.Equals("dataset", StringComparison.OrdinalIgnoreCase) || row[i].Length == 0)
                {
                    continue;
                }
                b.Set(column, suffix, row[i], overall);
            }
        }
        onCards = [];
        var concepts = new List<AtlasConcept>();
        var shown = order.GroupBy(k => k.Item1).SelectMany(layer => layer.OrderBy(k => builders[k].Rank ?? int.MaxValue).ThenBy(k => k.Item2).Take(perLayer));
        foreach (var key in shown)
        {
            ConceptBuilder b = builders[key];
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

    private static AtlasTable ReadTable(string root, string path, int maxRows) => Shown(root, CsvTable.Read(path), maxRows);

    private static AtlasTable Shown(string root, CsvTable csv, int maxRows) =>
        new(Relative(root, csv.Path), csv.Header, csv.Rows.Take(maxRows).ToArray(), csv.Rows.Count);

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    /// <summary>Collects one concept's values from the rows that name it.</summary>
    private sealed class ConceptBuilder(string layer, int channel)
    {
        private readonly List<KeyValuePair<string, string>> attributes = [];
        private readonly List<(string Lead, double Share)> leads = [];
        private int? rank;
        private double? mean;
        private bool rankFromOverall;

        public string Layer => layer;

        public int Channel => channel;

        public int? Rank => rank;

        public void Set(string column, string suffix, string value, bool overall)
        {
            bool number = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double x);
            if (column.Equals("rank", StringComparison.OrdinalIgnoreCase) && number && (rank is null || (overall && !rankFromOverall)))
            {
                rank = (int)x;
                rankFromOverall = overall;
                if (overall)
                {
                    return;
                }
            }
            if ((column.Equals("mean_relevance", StringComparison.OrdinalIgnoreCase) || column.Equals("normalised_mean", StringComparison.OrdinalIgnoreCase)) && number && overall && mean is null)
            {
                mean = x;
                return;
            }
            string lead = column.StartsWith("lead_", StringComparison.OrdinalIgnoreCase) ? column[5..] : column;
            if (overall && number && LeadNames.Standard12.Contains(lead) && leads.All(l => l.Lead != lead))
            {
                leads.Add((lead, x));
                return;
            }
            string key = column + suffix;
            if (attributes.All(a => a.Key != key))
            {
                attributes.Add(new(key, value));
            }
        }

        public AtlasConcept Build(IReadOnlyList<AtlasImage> images) => new(layer, channel, rank, mean, attributes, leads, images);
    }
}
