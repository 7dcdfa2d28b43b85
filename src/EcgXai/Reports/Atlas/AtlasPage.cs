using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcgXai.Reports.Atlas;

/// <summary>
/// Renders the atlas as one self-contained HTML page (pictures embedded as data URIs, style and script inline, no
/// network): the run (model, SHA-256, commands), model and data (cohort, AUROC table, ROC curves), the concept cards
/// per layer with search, verdict filter and notes, cross-dataset agreement, faithfulness (SRG, pruning), planted
/// evidence, then every other result file under a collapsed "All result files".
/// </summary>
public static class AtlasPage
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The page for <paramref name="content"/> with <paramref name="notes"/> (only this model's are embedded).</summary>
    public static string Render(RunContent content, IReadOnlyList<ConceptNote> notes)
    {
        var html = new StringBuilder();
        string title = $"EcgXai concept atlas: {Path.GetFileName(content.Root)}";
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">")
            .Append($"<title>{E(title)}</title><style>{Resource("atlas.css")}</style></head>\n")
            .Append($"<body data-model=\"{E(content.ModelSha256)}\">\n<header><h1>{E(title)}</h1><p>{E(content.Root)}</p></header>\n<main>\n");
        var parts = new List<(string Id, string Title)> { ("summary", "Run") };
        if (content.Cohort is not null || content.ModelAndData.Count > 0)
        {
            parts.Add(("model-and-data", "Model and data"));
        }
        if (content.Concepts.Count > 0)
        {
            parts.Add(("concepts", "Concepts"));
        }
        parts.AddRange(content.Results.Select(b => (b.Id, b.Title)).Distinct());
        if (content.Sections.Count > 0)
        {
            parts.Add(("files", "All result files"));
        }
        html.Append("<nav>").AppendJoin("", parts.Select(p => $"<a href=\"#{p.Id}\">{E(p.Title)}</a>")).Append("</nav>\n");
        Summary(html, content);
        ModelAndData(html, content);
        Concepts(html, content);
        foreach (var group in content.Results.GroupBy(b => b.Id))
        {
            html.Append($"<section id=\"{E(group.Key)}\"><h2>{E(group.First().Title)}</h2>");
            foreach (AtlasBlock block in group)
            {
                Block(html, block, heading: group.Count() > 1);
            }
            html.Append("</section>\n");
        }
        if (content.Sections.Count > 0)
        {
            html.Append("<section id=\"files\"><details><summary><h2>All result files</h2></summary><p class=\"muted\">Every table (its first rows), JSON summary and picture of the run folder not shown above, by folder.</p>");
            foreach (AtlasSection s in content.Sections)
            {
                Section(html, s);
            }
            html.Append("</details></section>\n");
        }
        var mine = notes.Where(n => n.ModelSha256 == content.ModelSha256).ToArray();
        html.Append("</main>\n<script type=\"application/json\" id=\"atlas-notes\">")
            .Append(ConceptNotes.ToJson(mine).ToJsonString().Replace("</", "<\\/", StringComparison.Ordinal))
            .Append("</script>\n<script>").Append(Resource("atlas.js")).Append("</script>\n</body></html>\n");
        return html.ToString();
    }

    private static void Summary(StringBuilder html, RunContent content)
    {
        html.Append("<section id=\"summary\"><h2>Run</h2><dl class=\"facts\">");
        html.Append($"<dt>Run folder</dt><dd>{E(content.Root)}</dd>");
        if (content.ModelPath is { } model)
        {
            html.Append($"<dt>Model file</dt><dd>{E(model)}</dd><dt>SHA-256</dt><dd><code>{E(content.ModelSha256)}</code></dd>");
        }
        if (content.ConceptConfig is { } concepts)
        {
            JsonNode? options = concepts["options"], explainer = concepts["explainer"];
            html.Append($"<dt>Explained class</dt><dd>{E(content.Target ?? "")}</dd>");
            if (explainer is not null)
            {
                string source = (string?)explainer["source"] is { } chosen ? $"; chosen by {Inside(content.Root, chosen)}" : "";
                html.Append($"<dt>Explainer</dt><dd>{E($"{explainer["composite"]}, bn2 {explainer["bn2"]}{source}")}</dd>");
            }
            if (options?["data"] is JsonArray data)
            {
                html.Append($"<dt>Concept data</dt><dd>{E(string.Join("; ", data.Select(d => Cells.Dataset((string?)d ?? ""))))} ({E((string?)options["records"] ?? "all")} records)</dd>");
            }
        }
        if (content.SampleRate is double rate)
        {
            html.Append(CultureInfo.InvariantCulture, $"<dt>Sample rate</dt><dd>{rate:0.##} Hz</dd>");
        }
        if (content.Config?["invocations"] is JsonArray invocations)
        {
            html.Append("<dt>Commands</dt><dd>");
            foreach (JsonNode? call in invocations)
            {
                string arguments = string.Join(' ', (call?["arguments"] as JsonArray ?? []).Select(a => (string?)a ?? ""));
                html.Append($"<code>ecgxai {E((string?)call?["verb"] ?? "")} {E(arguments)}</code> <span class=\"muted\">{E((string?)call?["at"] ?? "")}</span><br>");
            }
            html.Append("</dd>");
        }
        html.Append("</dl>");
        if (content.Config is { } config)
        {
            html.Append($"<details><summary>config.json</summary><pre>{E(config.ToJsonString(Indented))}</pre></details>");
        }
        html.Append("</section>\n");
    }

    private static void ModelAndData(StringBuilder html, RunContent content)
    {
        if (content.Cohort is null && content.ModelAndData.Count == 0)
        {
            return;
        }
        html.Append("<section id=\"model-and-data\"><h2>Model and data</h2>");
        if (content.Cohort is { } cohort)
        {
            html.Append("<h3>Cohort</h3>");
            Table(html, cohort);
        }
        foreach (AtlasBlock block in content.ModelAndData)
        {
            Block(html, block, heading: true);
        }
        html.Append("</section>\n");
    }

    private static void Block(StringBuilder html, AtlasBlock block, bool heading)
    {
        html.Append($"<div class=\"block\" data-block=\"{E(block.Id)}\">");
        if (heading)
        {
            html.Append($"<h3>{E(block.Title)}</h3>");
        }
        if (block.Note.Length > 0)
        {
            html.Append($"<p class=\"note\">{E(block.Note)}</p>");
        }
        foreach (AtlasTable table in block.Tables)
        {
            Table(html, table);
            html.Append($"<p class=\"muted\">from {E(table.RelativePath)}</p>");
        }
        html.Append("<div class=\"figures\">");
        foreach (AtlasImage image in block.Images)
        {
            Image(html, image);
        }
        html.Append("</div></div>");
    }

    private static void Concepts(StringBuilder html, RunContent content)
    {
        if (content.Concepts.Count == 0)
        {
            return;
        }
        string target = content.Target is { } t ? $" for {t}" : "";
        html.Append($"<section id=\"concepts\"><h2>Concepts{E(target)}</h2>")
            .Append("<p class=\"note\">Per layer, the concepts (channels) ranked by their mean relevance").Append(E(target))
            .Append(", normalised per record, with its confidence interval. Each card shows the concept's reference samples (the records that activate it most, cropped to its receptive field, coloured by its conditional relevance: red for, blue against), its share of relevance per lead and per wave, and its wave purity (1 = all its relevance in one wave class).</p>")
            .Append("<div class=\"toolbar\"><input type=\"search\" id=\"search\" placeholder=\"search concepts, values, notes\" aria-label=\"search concepts\">")
            .Append("<select id=\"verdict-filter\" aria-label=\"filter by verdict\"><option value=\"\">all verdicts</option><option value=\"none\">no verdict yet</option>");
        foreach (string v in ConceptNote.Verdicts)
        {
            html.Append($"<option value=\"{v}\">{v}</option>");
        }
        html.Append("</select><span id=\"concept-count\"></span>")
            .Append("<button id=\"export-notes\" type=\"button\">Export notes</button>")
            .Append("<label>Import notes <input type=\"file\" id=\"import-notes\" accept=\".json,application/json\"></label><span id=\"import-status\" class=\"muted\"></span></div>")
            .Append("<p class=\"muted\">Notes are saved in this browser and keyed by the model's SHA-256, layer and channel; export them to a JSON file kept beside the report and merge it back with <code>ecgxai report --notes FILE</code>.</p>");
        foreach (var layer in content.Concepts.GroupBy(c => c.Layer))
        {
            html.Append($"<h3 class=\"layer\">Layer {E(layer.Key)}</h3>");
            if (content.LayerImages.GetValueOrDefault(layer.Key) is { Count: > 0 } pictures)
            {
                html.Append("<details class=\"layer-pictures\"><summary>ranking and purity of the layer's concepts</summary><div class=\"figures\">");
                foreach (AtlasImage image in pictures)
                {
                    Image(html, image);
                }
                html.Append("</div></details>");
            }
            // Concepts with pictures (the analysis' top concepts with reference samples) first; when some have them, the
            // others (statistics only) are collapsed below.
            var pictured = layer.Where(c => c.Images.Count > 0).ToArray();
            var plain = pictured.Length > 0 ? layer.Where(c => c.Images.Count == 0).ToArray() : [];
            Cards(html, pictured.Length > 0 ? pictured : layer.ToArray(), content);
            if (plain.Length > 0)
            {
                html.Append($"<details class=\"more\"><summary>{plain.Length} more concepts of {E(layer.Key)} (statistics only: no reference samples were drawn for them)</summary>");
                Cards(html, plain, content);
                html.Append("</details>");
            }
        }
        html.Append("</section>\n");
    }

    private static void Cards(StringBuilder html, IEnumerable<AtlasConcept> concepts, RunContent content)
    {
        html.Append("<div class=\"concepts\">");
        foreach (AtlasConcept c in concepts)
        {
            Card(html, c, content);
        }
        html.Append("</div>");
    }

    private static void Card(StringBuilder html, AtlasConcept c, RunContent content)
    {
        string search = string.Join(' ', new[] { c.Layer, $"channel {c.Channel}", $"c{c.Channel}" }.Concat(c.Attributes.Select(a => $"{a.Key} {a.Value}")));
        html.Append($"<article class=\"concept\" data-layer=\"{E(c.Layer)}\" data-channel=\"{c.Channel}\" data-search=\"{E(search)}\">")
            .Append($"<h4>{(c.Rank is int r ? $"<span class=\"rank\">#{r}</span> " : "")}channel {c.Channel} <span class=\"muted\">{E(c.Layer)}</span></h4><table class=\"facts\">");
        if (c.MeanRelevance is double m)
        {
            string interval = c.MeanInterval is var (low, high) ? Cells.Interval(m, low, high) : Cells.Number(m);
            Fact(html, $"relevance{(content.Target is { } t ? $" for {t}" : "")}", interval);
        }
        if (c.DatasetRanks.Count > 0)
        {
            Fact(html, "rank per dataset", string.Join("; ", c.DatasetRanks.Select(d => $"{Cells.Dataset(d.Dataset)}: {d.Rank}")));
        }
        if (c.Purity is double purity)
        {
            string waves = string.Join(", ", c.WaveShares.Take(3).Select(w => string.Create(CultureInfo.InvariantCulture, $"{w.Wave} {w.Share * 100:0} %")));
            Fact(html, "purity", $"{Cells.Number(purity)} ({c.PurityLabels} waves){(waves.Length > 0 ? $"; largest shares: {waves}" : "")}");
        }
        if (c.FieldSamples is int field)
        {
            string ms = content.SampleRate is double rate ? string.Create(CultureInfo.InvariantCulture, $" = {field / rate * 1000:0} ms") : "";
            Fact(html, "receptive field", $"{field} samples{ms}");
        }
        html.Append("</table>");
        if (c.LeadProfile.Count > 0)
        {
            LeadProfile(html, c.LeadProfile);
        }
        foreach (AtlasImage image in c.Images)
        {
            Image(html, image);
        }
        html.Append("<div class=\"verdict\"><label>Verdict <select aria-label=\"verdict\"><option value=\"\"></option>");
        foreach (string v in ConceptNote.Verdicts)
        {
            html.Append($"<option value=\"{v}\">{v}</option>");
        }
        html.Append("</select></label><textarea placeholder=\"clinical interpretation\" aria-label=\"note\"></textarea></div>")
            .Append($"<details class=\"values\"><summary>all values ({c.Attributes.Count})</summary><dl>");
        foreach (var (key, value) in c.Attributes)
        {
            html.Append($"<dt>{E(key)}</dt><dd>{E(value)}</dd>");
        }
        html.Append("</dl></details></article>");
    }

    private static void Fact(StringBuilder html, string name, string value) => html.Append($"<tr><th>{E(name)}</th><td>{E(value)}</td></tr>");

    private static void LeadProfile(StringBuilder html, IReadOnlyList<(string Lead, double Share)> profile)
    {
        double max = Math.Max(1e-12, profile.Max(p => Math.Abs(p.Share)));
        html.Append("<div class=\"leads\" role=\"img\" aria-label=\"share of relevance per lead\"><span class=\"muted\">per lead</span>");
        foreach (var (lead, share) in profile)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"lead\" title=\"{E(lead)}: {share:0.000}\"><div class=\"bar{(share < 0 ? " neg" : "")}\" style=\"height:{Math.Abs(share) / max * 100:0.#}%\"></div><span>{E(lead)}</span></div>");
        }
        html.Append("</div>");
    }

    private static void Section(StringBuilder html, AtlasSection s)
    {
        html.Append($"<details class=\"files\" id=\"{Anchor(s.RelativePath)}\"><summary>{E(SectionTitle(s.RelativePath))} <span class=\"muted\">{E(s.RelativePath)}/</span></summary>");
        foreach (var (path, json) in s.Summaries)
        {
            html.Append($"<h3>{E(Path.GetFileName(path))}</h3><pre>{E(json.ToJsonString(Indented))}</pre>");
        }
        foreach (AtlasTable table in s.Tables)
        {
            html.Append($"<h3>{E(Path.GetFileName(table.RelativePath))}</h3>");
            Table(html, table);
        }
        foreach (AtlasImage image in s.Images)
        {
            Image(html, image);
        }
        html.Append("</details>\n");
    }

    private static void Table(StringBuilder html, AtlasTable table)
    {
        html.Append("<div class=\"scroll\"><table><thead><tr>");
        foreach (string h in table.Header)
        {
            html.Append($"<th>{E(h)}</th>");
        }
        html.Append("</tr></thead><tbody>");
        foreach (IReadOnlyList<string> row in table.Rows)
        {
            html.Append("<tr>");
            foreach (string cell in row)
            {
                html.Append($"<td>{E(cell)}</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table></div>");
        if (table.TotalRows > table.Rows.Count)
        {
            html.Append($"<p class=\"muted\">first {table.Rows.Count} of {table.TotalRows} rows; the whole table is {E(table.RelativePath)}</p>");
        }
    }

    private static void Image(StringBuilder html, AtlasImage image) =>
        html.Append($"<figure><img alt=\"{E(image.RelativePath)}\" src=\"data:image/png;base64,{Convert.ToBase64String(image.Png)}\"><figcaption class=\"muted\">{E(image.RelativePath)}</figcaption></figure>");

    private static string SectionTitle(string relative)
    {
        string[] parts = relative.Split('/');
        string head = parts[0] switch
        {
            "eval" => "Evaluation",
            "explain" => "Explanations",
            _ => parts[0],
        };
        string? known = parts.Length > 1 ? parts[1] switch
        {
            "srg" => "Faithfulness: symmetric relevance gain",
            "prune" or "pruning" => "Faithfulness: pruning",
            "groundtruth" or "evidence" => "Planted evidence scores",
            "purity" => "Concept purity",
            "concepts" => "Concept statistics",
            _ => null,
        } : null;
        return known ?? (parts.Length > 1 ? $"{head}: {string.Join(" / ", parts[1..])}" : head);
    }

    /// <summary><paramref name="path"/> relative to the run folder when it lies inside it, else as it is.</summary>
    private static string Inside(string root, string path) =>
        Path.GetRelativePath(root, path) is var relative && !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative) ? relative : path;

    private static string Anchor(string relative) => "s-" + new string(relative.Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : '-').ToArray());

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Resource(string name)
    {
        using Stream stream = typeof(AtlasPage).Assembly.GetManifestResourceStream($"EcgXai.Reports.Atlas.{name}")
            ?? throw new InvalidOperationException($"embedded resource {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
