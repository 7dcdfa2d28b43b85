using EcgXai.Explain.Attribution;
using EcgXai.Explain.Canonizers;
using EcgXai.Explain.Composites;
using static TorchSharp.torch;

namespace EcgXai.Explain.Concepts;

/// <summary>
/// Conditional (CRP) heatmaps of many concepts on many records, batched: all requests go into walks of at most
/// <see cref="RowsPerWalk"/> rows over the distinct records, so the requests of one record share its forward and
/// the pass above the conditioned node.
/// </summary>
public static class ConceptHeatmaps
{
    /// <summary>Rows per walk (bounds memory; large enough that a forward serves many rows).</summary>
    public const int RowsPerWalk = 16;

    /// <summary>
    /// Input relevance <c>(requests, leads, samples)</c> of class <paramref name="target"/> through each request's concept
    /// (condition = the concept at its node and the target), in request order.
    /// </summary>
    public static Tensor Conditional(Attributor attributor, Tensor input, int target, IReadOnlyList<ConceptRequest> requests)
    {
        using var scope = NewDisposeScope();
        var parts = new List<Tensor>();
        for (int start = 0; start < requests.Count; start += RowsPerWalk)
        {
            var chunk = requests.Skip(start).Take(RowsPerWalk).ToArray();
            int[] records = chunk.Select(r => r.Record).Distinct().ToArray();
            using Tensor subset = input.index_select(0, tensor(records.Select(r => (long)r).ToArray(), device: input.device));
            var rows = chunk.Select(r => new AttributionRow(Array.IndexOf(records, r.Record), target, [new Condition(r.Node, [r.Channel])])).ToArray();
            using AttributionResult attribution = attributor.Attribute(subset, rows);
            parts.Add(attribution.InputRelevance.clone());
        }
        return cat(parts, 0).MoveToOuterDisposeScope();
    }
}
