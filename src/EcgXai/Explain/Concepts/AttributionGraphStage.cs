using System.Text.Json;
using System.Text.Json.Serialization;
using EcgXai.Explain.Attribution;
using EcgXai.IO;
using static TorchSharp.torch;

namespace EcgXai.Explain.Concepts;

/// <summary>
/// The attribution graph of the top concepts (zennit-crp's <c>AttributionGraph</c>, over references and batched): for
/// each concept, one conditional walk per RelMax reference (condition = the concept and the target) records every
/// analysed concept layer below it; per lower layer, the <c>width</c> channels with the largest mean share of the
/// concept's relevance there (per reference: relevance summed over time over the sum of absolute values at that layer,
/// <c>abs_norm</c>) are its children, with their shares. Written as a JSON tree, <c>attribution_graph.json</c>:
/// concept → lower layers (top-down) → children.
/// </summary>
public static class AttributionGraphStage
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>One reference of a top concept: its layer, channel, rank in the layer, and the row of its record in the input.</summary>
    /// <param name="Layer">The concept's layer.</param>
    /// <param name="Concept">Channel.</param>
    /// <param name="Rank">The concept's rank in its layer.</param>
    /// <param name="Record">Row of the reference's record in the input batch.</param>
    public sealed record Pick(ConceptLayer Layer, int Concept, int Rank, int Record);

    /// <summary>A child: a lower-layer concept and its mean share of the parent's relevance at that layer.</summary>
    /// <param name="Concept">Channel.</param>
    /// <param name="Share">Mean share over the references.</param>
    public sealed record Child([property: JsonPropertyName("concept")] int Concept, [property: JsonPropertyName("share")] double Share);

    /// <summary>The children of a concept in one lower layer.</summary>
    /// <param name="Layer">The lower layer.</param>
    /// <param name="Concepts">Its top children, largest share first (ties: lower channel).</param>
    public sealed record LayerChildren([property: JsonPropertyName("layer")] string Layer, [property: JsonPropertyName("concepts")] IReadOnlyList<Child> Concepts);

    /// <summary>One top concept and the lower-layer concepts that carry its relevance.</summary>
    /// <param name="Layer">The concept's layer.</param>
    /// <param name="Concept">Channel.</param>
    /// <param name="Rank">Rank in the layer.</param>
    /// <param name="References">References averaged.</param>
    /// <param name="Below">Children per lower layer, from the nearest layer down.</param>
    public sealed record Node(
        [property: JsonPropertyName("layer")] string Layer,
        [property: JsonPropertyName("concept")] int Concept,
        [property: JsonPropertyName("rank")] int Rank,
        [property: JsonPropertyName("references")] int References,
        [property: JsonPropertyName("below")] IReadOnlyList<LayerChildren> Below);

    /// <summary>
    /// Computes the graph of the concepts of <paramref name="picks"/> on <paramref name="input"/> for class
    /// <paramref name="target"/> among the concept layers <paramref name="layers"/>, keeping <paramref name="width"/>
    /// children per lower layer; writes <c>attribution_graph.json</c> into <paramref name="directory"/> and returns the nodes.
    /// </summary>
    public static IReadOnlyList<Node> Write(Attributor attributor, Tensor input, int target, string targetName, IReadOnlyList<ConceptLayer> layers, IReadOnlyList<Pick> picks,
        int width, string directory, IProgress<int>? progress, CancellationToken cancellation)
    {
        var nodes = new List<Node>();
        int done = 0;
        foreach (var layerPicks in picks.GroupBy(p => p.Layer.Key))
        {
            ConceptLayer layer = layerPicks.First().Layer;
            int index = attributor.Graph.IndexOf(layer.Node);
            ConceptLayer[] below = layers.Where(l => !l.Positions && attributor.Graph.IndexOf(l.Node) < index)
                .OrderByDescending(l => attributor.Graph.IndexOf(l.Node)).ToArray();
            Pick[] all = layerPicks.ToArray();
            if (below.Length == 0)
            {
                nodes.AddRange(all.GroupBy(p => (p.Concept, p.Rank)).Select(g => new Node(layer.Key, g.Key.Concept, g.Key.Rank, g.Count(), [])));
                continue;
            }
            var requests = all.Select(p => new ConceptRequest(p.Record, layer.Node, p.Concept)).ToArray();
            int offset = done;
            using Tensor shares = ConceptHeatmaps.ConditionalShares(attributor, input, target, requests, below.Select(l => l.Node).ToArray(),
                progress is null ? null : new SynchronousProgress<int>(d => progress.Report(offset + d)), cancellation).to(ScalarType.Float64).cpu();
            done += requests.Length;
            double[] values = shares.data<double>().ToArray();
            int stride = (int)shares.shape[1];
            foreach (var concept in all.Select((p, i) => (p, i)).GroupBy(x => (x.p.Concept, x.p.Rank)))
            {
                var children = new List<LayerChildren>();
                int start = 0;
                foreach (ConceptLayer lower in below)
                {
                    var mean = new double[lower.Concepts];
                    foreach (var (_, row) in concept)
                    {
                        for (int c = 0; c < mean.Length; c++)
                        {
                            mean[c] += values[(row * stride) + start + c] / concept.Count();
                        }
                    }
                    children.Add(new LayerChildren(lower.Key, mean.Select((s, c) => new Child(c, s)).OrderByDescending(c => c.Share).ThenBy(c => c.Concept).Take(width).ToArray()));
                    start += lower.Concepts;
                }
                nodes.Add(new Node(layer.Key, concept.Key.Concept, concept.Key.Rank, concept.Count(), children));
            }
        }
        AtomicFile.WriteText(Path.Combine(directory, FileName), JsonSerializer.Serialize(new { target = targetName, width, normalisation = "abs_norm", concepts = nodes }, Json));
        return nodes;
    }

    /// <summary>File name inside <c>explain/concepts/</c>.</summary>
    public const string FileName = "attribution_graph.json";
}
