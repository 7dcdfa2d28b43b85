using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcgXai.Reports.Atlas;

/// <summary>
/// Renders the atlas as one self-contained HTML page (pictures embedded as data URIs, style and script inline, no
/// network): run summary, cohort, evaluation, the concept cards per layer with search, verdict filter and notes, then
/// every other result folder.
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
        html.Append("<nav>");
        if (content.Concepts.Count > 0)
        {
            html.Append("<a href=\"#concepts\">Concepts</a>");
        }
        foreach (AtlasSection s in content.Sections)
        {
            html.Append($"<a href=\"#{Anchor(s.RelativePath)}\">{E(SectionTitle(s.RelativePath))}</a>");
        }
        html.Append("</nav>\n");
        Summary(html, content);
        if (content.Cohort is { } cohort)
        {
            html.Append("<section id=\"cohort\"><h2>Cohort</h2>");
            Table(html, cohort);
            html.Append("</section>\n");
        }
        foreach (AtlasSection s in content.Sections.Where(s => s.RelativePath.StartsWith("eval", StringComparison.Ordinal)))
        {
            Section(html, s);
        }
        Concepts(html, content);
        foreach (AtlasSection s in content.Sections.Where(s => !s.RelativePath.StartsWith("eval", StringComparison.Ordinal)))
        {
            Section(html, s);
        }
        var mine = notes.Where(n => n.ModelSha256 == content.ModelSha256).ToArray();
        html.Append("</main>\n<script type=\"application/json\" id=\"atlas-notes\">")
            .Append(ConceptNotes.ToJson(mine).ToJsonString().Replace("</", "<\\/", StringComparison.Ordinal))
            .Append("</script>\n<script>").Append(Resource("atlas.js")).Append("</script>\n</body></html>\n");
        return html.ToString();
    }

    private static void Summary(StringBuilder html, RunContent content)
    {
        html.Append("<section id=\"summary\"><h2>Run</h2><dl class=\"muted\">");
        html.Append($"<dt>Run folder</dt><dd>{E(content.Root)}</dd>");
        if (content.ModelPath is { } model)
        {
            html.Append($"<dt>Model</dt><dd>{E(model)} (SHA-256 {E(content.ModelSha256)})</dd>");
        }
        html.Append("</dl>");
        if (content.Config is { } config)
        {
            html.Append($"<details><summary>config.json</summary><pre>{E(config.ToJsonString(Indented))}</pre></details>");
        }
        html.Append("</section>\n");
    }

    private static void Concepts(StringBuilder html, RunContent content)
    {
        if (content.Concepts.Count == 0)
        {
            return;
        }
        html.Append("<section id=\"concepts\"><h2>Concepts</h2>")
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
            html.Append($"<h3>{E(layer.Key)}</h3><div class=\"concepts\">");
            foreach (AtlasConcept c in layer)
            {
                Card(html, c);
            }
            html.Append("</div>");
        }
        html.Append("</section>\n");
    }

    private static void Card(StringBuilder html, AtlasConcept c)
    {
        string search = string.Join(' ', new[] { c.Layer, $"channel {c.Channel}", $"c{c.Channel}" }.Concat(c.Attributes.Select(a => $"{a.Key} {a.Value}")));
        html.Append($"<article class=\"concept\" data-layer=\"{E(c.Layer)}\" data-channel=\"{c.Channel}\" data-search=\"{E(search)}\">")
            .Append($"<h3>{E(c.Layer)} · channel {c.Channel}{(c.Rank is int r ? $" · rank {r}" : "")}</h3><dl>");
        if (c.MeanRelevance is double m)
        {
            html.Append($"<dt>mean relevance</dt><dd>{m.ToString("G4", CultureInfo.InvariantCulture)}</dd>");
        }
        foreach (var (key, value) in c.Attributes)
        {
            html.Append($"<dt>{E(key)}</dt><dd>{E(value)}</dd>");
        }
        html.Append("</dl>");
        if (c.LeadProfile.Count > 0)
        {
            LeadProfile(html, c.LeadProfile);
        }
        foreach (AtlasImage image in c.Images)
        {
            Image(html, image);
        }
        html.Append("<label>Verdict <select aria-label=\"verdict\"><option value=\"\"></option>");
        foreach (string v in ConceptNote.Verdicts)
        {
            html.Append($"<option value=\"{v}\">{v}</option>");
        }
        html.Append("</select></label><textarea placeholder=\"clinical interpretation\" aria-label=\"note\"></textarea></article>");
    }

    private static void LeadProfile(StringBuilder html, IReadOnlyList<(string Lead, double Share)> profile)
    {
        const int barWidth = 28, height = 60;
        double max = Math.Max(1e-12, profile.Max(p => Math.Abs(p.Share)));
        html.Append($"<svg role=\"img\" aria-label=\"per-lead relevance profile\" width=\"{profile.Count * barWidth}\" height=\"{height + 14}\">");
        for (int i = 0; i < profile.Count; i++)
        {
            double h = Math.Abs(profile[i].Share) / max * height;
            string colour = profile[i].Share >= 0 ? "#c0392b" : "#2c62b4";
            html.Append(CultureInfo.InvariantCulture, $"<rect x=\"{(i * barWidth) + 3}\" y=\"{height - h:0.##}\" width=\"{barWidth - 6}\" height=\"{h:0.##}\" fill=\"{colour}\"><title>{E(profile[i].Lead)}: {profile[i].Share:G3}</title></rect>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{(i * barWidth) + (barWidth / 2)}\" y=\"{height + 12}\" font-size=\"10\" text-anchor=\"middle\">{E(profile[i].Lead)}</text>");
        }
        html.Append("</svg>");
    }

    private static void Section(StringBuilder html, AtlasSection s)
    {
        html.Append($"<section id=\"{Anchor(s.RelativePath)}\"><h2>{E(SectionTitle(s.RelativePath))}</h2><p class=\"muted\">{E(s.RelativePath)}/</p>");
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
        html.Append("</section>\n");
    }

    private static void Table(StringBuilder html, AtlasTable table)
    {
        html.Append("<table><thead><tr>");
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
        html.Append("</tbody></table>");
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
