using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcgXai.Eval;
using EcgXai.IO;
using EcgXai.Reports;

namespace EcgXai.Explain.Faithfulness;

/// <summary>
/// Writes a <see cref="PruneReport"/>: <c>pruning.csv</c> (every row), <c>ranking-positions.csv</c> and
/// <c>ranking-channels.csv</c>, <c>summary.json</c> and one curve PNG per dataset and level for the target.
/// </summary>
public static class PruningWriter
{
    /// <summary>Writes every file into <see cref="PruneReport.OutputDirectory"/>, atomically.</summary>
    public static void Write(PruneReport report)
    {
        string dir = report.OutputDirectory;
        Directory.CreateDirectory(dir);
        var table = new StringBuilder("dataset,level,method,keep,units,class,auroc,low,high,interval\n");
        foreach (PruningRow r in report.Rows)
        {
            table.Append(CultureInfo.InvariantCulture, $"{Csv(r.Dataset)},{Level(r.Level)},{r.Method},{r.Keep},{r.Units},{r.Class},{N(r.Auroc)},{N(r.Low)},{N(r.High)},{r.Interval}\n");
        }
        AtomicFile.WriteText(Path.Combine(dir, "pruning.csv"), table.ToString());
        foreach (PruningLevel level in Enum.GetValues<PruningLevel>())
        {
            AtomicFile.WriteText(Path.Combine(dir, $"ranking-{Level(level)}.csv"), RankingCsv(report.Ranking, level));
        }
        IReadOnlyList<string> specs = report.Options.DataSpecs;
        IReadOnlyList<string> slugs = EvaluationWriter.Slugs(specs);
        for (int i = 0; i < specs.Count; i++)
        {
            foreach (PruningLevel level in Enum.GetValues<PruningLevel>())
            {
                var rows = report.Rows.Where(r => r.Dataset == specs[i] && r.Level == level && r.Class == report.Ranking.Target).ToArray();
                PruningPlot.Curve Curve(string method, string label)
                {
                    var m = rows.Where(r => r.Method == method).ToArray();
                    return new PruningPlot.Curve(label, m.Select(r => r.Keep).ToArray(), m.Select(r => r.Auroc).ToArray(), m.Select(r => r.Low).ToArray(), m.Select(r => r.High).ToArray());
                }
                PruningPlot.Write(Path.Combine(dir, $"prune-{slugs[i]}-{Level(level)}.png"),
                    $"{report.Ranking.Target} AUROC, {specs[i]}: {Level(level)} kept at the classifier input",
                    [Curve(PruningMethods.Relevant, "most relevant"), Curve(PruningMethods.Random, $"random (mean, range of {report.Options.RandomDraws})"), Curve(PruningMethods.Least, "least relevant")],
                    rows.First(r => r.Method == PruningMethods.Unpruned).Auroc);
            }
        }
        AtomicFile.WriteText(Path.Combine(dir, "summary.json"), Summary(report).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    private static string RankingCsv(PruningRanking ranking, PruningLevel level)
    {
        var text = new StringBuilder(level == PruningLevel.Positions ? "rank,position,channel,time,mean_relevance\n" : "rank,channel,mean_relevance\n");
        double[] relevance = ranking.UnitRelevance(level);
        int[] order = ranking.MostRelevantFirst(level);
        for (int i = 0; i < order.Length; i++)
        {
            int u = order[i];
            text.Append(level == PruningLevel.Positions
                ? string.Create(CultureInfo.InvariantCulture, $"{i + 1},{u},{u / ranking.Length},{u % ranking.Length},{N(relevance[u])}\n")
                : string.Create(CultureInfo.InvariantCulture, $"{i + 1},{u},{N(relevance[u])}\n"));
        }
        return text.ToString();
    }

    private static JsonObject Summary(PruneReport report)
    {
        PruneOptions o = report.Options;
        return new JsonObject
        {
            ["model"] = o.ModelPath,
            ["target"] = report.Ranking.Target,
            ["variant"] = o.Variant,
            ["rank_data"] = o.RankSpec,
            ["rank_positives"] = report.Ranking.Records,
            ["units"] = new JsonObject { ["positions"] = report.Ranking.Units(PruningLevel.Positions), ["channels"] = report.Ranking.Units(PruningLevel.Channels) },
            ["data"] = new JsonArray(o.DataSpecs.Select(s => (JsonNode?)s).ToArray()),
            ["keep"] = new JsonArray(o.Keep.Select(k => (JsonNode?)(k is { } n ? JsonValue.Create(n) : JsonValue.Create("all"))).ToArray()),
            ["random_draws"] = o.RandomDraws,
            ["seed"] = o.Seed,
            ["bootstrap_resamples"] = o.BootstrapResamples,
        };
    }

    private static string Level(PruningLevel level) => level.ToString().ToLowerInvariant();

    private static string N(double value) => CsvText.Number(value);

    private static string Csv(string text) => CsvText.Field(text);
}
