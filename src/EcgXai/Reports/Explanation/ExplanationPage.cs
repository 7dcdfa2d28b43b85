using System.Globalization;
using System.Net;
using System.Text;

namespace EcgXai.Reports.Explanation;

/// <summary>A small self-contained HTML page over an <see cref="ExplainReport"/> (pictures referenced beside it, no scripts).</summary>
public static class ExplanationPage
{
    /// <summary>The page: per record the probabilities per class, the heatmap, and the concepts with their shares and heatmaps.</summary>
    public static string Html(ExplainReport report, IReadOnlyList<string> classes)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>EcgXai explanation</title>\n<style>")
            .Append("body{font-family:sans-serif;margin:1.5em;color:#222}table{border-collapse:collapse;margin:.5em 0}")
            .Append("td,th{border:1px solid #ccc;padding:.2em .6em;text-align:right}th{background:#f4f4f4}")
            .Append("img{max-width:100%;border:1px solid #ddd}.target{font-weight:bold;background:#fde8e8}")
            .Append("</style></head><body>\n");
        html.Append("<h1>Explanation</h1>\n<p>model <code>").Append(Encode(report.ModelPath)).Append("</code>, composite <code>")
            .Append(Encode(report.Composite)).Append("</code>. Heatmaps: relevance per lead over the model's input, red positive, blue negative, one symmetric scale per picture.</p>\n");
        foreach (RecordExplanation r in report.Records)
        {
            html.Append("<section><h2>").Append(Encode(r.Id)).Append("</h2>\n<p>source <code>").Append(Encode(r.Source))
                .Append("</code>; explained class <b>").Append(Encode(r.Target)).Append("</b></p>\n<table><tr>");
            foreach (string c in classes)
            {
                html.Append("<th>").Append(Encode(c)).Append("</th>");
            }
            html.Append("</tr><tr>");
            foreach (string c in classes)
            {
                html.Append(c == r.Target ? "<td class=\"target\">" : "<td>").Append(F(r.Probabilities[c], "0.000")).Append("</td>");
            }
            html.Append("</tr></table>\n<img alt=\"heatmap of ").Append(Encode(r.Id)).Append("\" src=\"").Append(Src(r.Folder, r.Heatmap)).Append("\">\n");
            if (r.Concepts.Count > 0)
            {
                html.Append("<h3>Top concepts of ").Append(Encode(report.ConceptLayer ?? "")).Append("</h3>\n<table><tr><th>rank</th><th>channel</th><th>relevance</th><th>share</th></tr>");
                for (int i = 0; i < r.Concepts.Count; i++)
                {
                    ConceptShare c = r.Concepts[i];
                    html.Append("<tr><td>").Append(i + 1).Append("</td><td>").Append(c.Channel).Append("</td><td>").Append(F(c.Relevance, "0.0000"))
                        .Append("</td><td>").Append(F(c.Share * 100, "0.0")).Append(" %</td></tr>");
                }
                html.Append("</table>\n");
                foreach (ConceptShare c in r.Concepts)
                {
                    html.Append("<h4>channel ").Append(c.Channel).Append(" (").Append(F(c.Share * 100, "0.0")).Append(" %)</h4>\n<img alt=\"concept ")
                        .Append(c.Channel).Append("\" src=\"").Append(Src(r.Folder, c.Heatmap)).Append("\">\n");
                }
            }
            html.Append("</section>\n");
        }
        return html.Append("</body></html>\n").ToString();
    }

    private static string Src(string folder, string file) => Uri.EscapeDataString(folder) + "/" + Uri.EscapeDataString(file);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
