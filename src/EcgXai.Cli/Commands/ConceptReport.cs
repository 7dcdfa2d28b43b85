using System.Globalization;
using System.Text;
using EcgXai.Explain.Concepts;

namespace EcgXai.Cli.Commands;

/// <summary>What <c>concepts</c> and <c>merge</c> print: records per dataset, the top concepts of each layer, where the files are.</summary>
public static class ConceptReport
{
    /// <summary>A few lines describing <paramref name="result"/>.</summary>
    public static string Describe(ConceptResult result)
    {
        var text = new StringBuilder();
        foreach (DatasetConcepts d in result.State.Datasets)
        {
            text.Append(CultureInfo.InvariantCulture, $"{d.Name}: {d.Count} records\n");
        }
        if (result.Summary is { } summary)
        {
            foreach (ConceptLayer layer in summary.Settings.Layers.Where(l => !l.Positions))
            {
                string top = string.Join(", ", summary.Ranking(layer.Key).Take(5).Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Concept} ({r.NormalisedMean:F3})")));
                text.Append(layer.Key).Append(": top concepts ").Append(top).Append('\n');
            }
        }
        if (result.Purity is { } purity)
        {
            foreach (PurityLayerSummary layer in PurityStage.Layers(purity))
            {
                text.Append(CultureInfo.InvariantCulture, $"{layer.Layer}: purity of the top {layer.Concepts} concepts {layer.GroundTruthMean:F3} (ground truth), {layer.DelineatedMean:F3} (delineated)\n");
            }
        }
        if (result.Summary is null)
        {
            text.Append("one shard: combine all shards with `ecgxai merge` for the tables\n");
        }
        return text.Append(CultureInfo.InvariantCulture, $"written to {result.Directory}").ToString();
    }
}
