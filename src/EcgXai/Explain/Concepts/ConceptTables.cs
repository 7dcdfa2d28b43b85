using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using EcgXai.IO;
using EcgXai.Reports;

namespace EcgXai.Explain.Concepts;

/// <summary>
/// Writes a <see cref="ConceptSummary"/> as files, atomically and in fixed row order: <c>statistics.csv</c>,
/// <c>agreement.csv</c>, <c>references.csv</c> (concepts of layers), <c>position_references.csv</c> (positions) and
/// <c>concepts.json</c> (settings, statistics, agreement and the layer references), and per layer (not positions) the
/// ranking bar chart <c>ranking-LAYER.png</c>.
/// </summary>
public static class ConceptTables
{
    /// <summary>Concepts shown per layer in the ranking bar chart.</summary>
    public const int RankingPlotItems = 20;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Writes the tables of <paramref name="summary"/> into <paramref name="directory"/>.</summary>
    public static void Write(ConceptSummary summary, string directory)
    {
        HashSet<string> positions = summary.Settings.Layers.Where(l => l.Positions).Select(l => l.Key).ToHashSet();
        AtomicFile.WriteText(Path.Combine(directory, "statistics.csv"), Csv(summary.Statistics,
            ("dataset", r => Text(r.Dataset)), ("layer", r => r.Layer), ("concept", r => Number(r.Concept)), ("records", r => Number(r.Records)),
            ("rank", r => Number(r.Rank)), ("relevance_mean", r => Number(r.RelevanceMean)), ("relevance_sd", r => Number(r.RelevanceSd)),
            ("normalised_mean", r => Number(r.NormalisedMean)), ("normalised_sd", r => Number(r.NormalisedSd)),
            ("activation_max_mean", r => Number(r.ActivationMaxMean)), ("activation_max_sd", r => Number(r.ActivationMaxSd)),
            ("activation_sum_mean", r => Number(r.ActivationSumMean)), ("activation_sum_sd", r => Number(r.ActivationSumSd)),
            ("normalised_mean_ci_low", r => Number(r.MeanLow)), ("normalised_mean_ci_high", r => Number(r.MeanHigh)),
            ("rank_ci_low", r => Number(r.RankLow)), ("rank_ci_high", r => Number(r.RankHigh))));
        AtomicFile.WriteText(Path.Combine(directory, "agreement.csv"), Csv(summary.Agreement,
            ("layer", a => a.Layer), ("dataset_a", a => Text(a.DatasetA)), ("dataset_b", a => Text(a.DatasetB)),
            ("spearman", a => Number(a.Spearman)), ("top10_overlap", a => Number(a.TopOverlap))));
        var layerReferences = summary.References.Where(r => !positions.Contains(r.Layer)).ToArray();
        AtomicFile.WriteText(Path.Combine(directory, "references.csv"), ReferencesCsv(layerReferences));
        AtomicFile.WriteText(Path.Combine(directory, "position_references.csv"), ReferencesCsv(summary.References.Where(r => positions.Contains(r.Layer))));
        foreach (ConceptLayer layer in summary.Settings.Layers.Where(l => !l.Positions))
        {
            WriteRanking(summary, layer.Key, directory);
        }
        var document = new ConceptDocument(summary.Settings, summary.Statistics, summary.Agreement, layerReferences);
        AtomicFile.WriteText(Path.Combine(directory, "concepts.json"), JsonSerializer.Serialize(document, Json) + "\n");
    }

    /// <summary>The <see cref="RankingPlotItems"/> best concepts of <paramref name="layer"/> over all datasets as <c>ranking-LAYER.png</c>, with their bootstrap intervals.</summary>
    private static void WriteRanking(ConceptSummary summary, string layer, string directory)
    {
        IReadOnlyList<ConceptRow> ranking = summary.Ranking(layer);
        string file = string.Concat(layer.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));
        RankingPlot.Write(Path.Combine(directory, $"ranking-{file}.png"),
            $"{summary.Settings.Target} concepts of {layer}: top {Math.Min(RankingPlotItems, ranking.Count)} of {ranking.Count} ({(ranking.Count > 0 ? ranking[0].Records : 0)} records)",
            "mean normalised relevance (line: bootstrap 95% CI)",
            ranking.Take(RankingPlotItems).Select(r => new RankingPlot.Item($"#{r.Rank} c{r.Concept}", r.NormalisedMean, r.MeanLow, r.MeanHigh)).ToArray());
    }

    private static string ReferencesCsv(IEnumerable<ReferenceRow> rows) => Csv(rows,
        ("layer", r => r.Layer), ("concept", r => Number(r.Concept)), ("kind", r => JsonNamingPolicy.SnakeCaseLower.ConvertName(r.Kind.ToString())),
        ("rank", r => Number(r.Rank)), ("dataset", r => Text(r.Reference.Dataset)), ("record", r => Text(r.Reference.RecordId)),
        ("value", r => Number(r.Reference.Value)), ("peak_time", r => Number(r.Reference.PeakTime)));

    private static string Csv<T>(IEnumerable<T> rows, params (string Name, Func<T, string> Field)[] columns)
    {
        var text = new StringBuilder(string.Join(",", columns.Select(c => c.Name))).Append('\n');
        foreach (T row in rows)
        {
            text.AppendJoin(',', columns.Select(c => c.Field(row))).Append('\n');
        }
        return text.ToString();
    }

    private static string Number(double value) => double.IsNaN(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(string value) => value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    /// <summary>The layout of <c>concepts.json</c>.</summary>
    private sealed record ConceptDocument(
        [property: JsonPropertyName("settings")] ConceptSettings Settings,
        [property: JsonPropertyName("statistics")] IReadOnlyList<ConceptRow> Statistics,
        [property: JsonPropertyName("agreement")] IReadOnlyList<RankAgreement> Agreement,
        [property: JsonPropertyName("references")] IReadOnlyList<ReferenceRow> References);
}
