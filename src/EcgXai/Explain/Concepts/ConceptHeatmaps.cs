using EcgXai.Explain.Attribution;
using EcgXai.Explain.Crp;
using static TorchSharp.torch;

namespace EcgXai.Explain.Concepts;

/// <summary>
/// Heatmaps of many concepts on many records, batched: requests are ordered by record (and node) and cut into walks of
/// at most <see cref="RowsPerWalk"/> rows over their distinct records, so the requests of one record share its forward
/// (and, for conditional heatmaps, the pass above the conditioned node); results come back in request order.
/// </summary>
public static class ConceptHeatmaps
{
    /// <summary>Rows per walk (bounds memory; large enough that a forward serves many rows).</summary>
    public const int RowsPerWalk = 16;

    /// <summary>
    /// Conditional (CRP) input relevance <c>(requests, leads, samples)</c> of class <paramref name="target"/> through each
    /// request's concept (condition = the concept at its node and the target), in request order. <paramref name="progress"/>
    /// gets the number of requests done after each walk; <paramref name="cancellation"/> stops between walks.
    /// </summary>
    public static Tensor Conditional(Attributor attributor, Tensor input, int target, IReadOnlyList<ConceptRequest> requests,
        IProgress<int>? progress = null, CancellationToken cancellation = default) =>
        Batched(input, requests, byNode: false, progress, cancellation, (subset, chunk, recordOf) =>
        {
            var rows = chunk.Select(r => new AttributionRow(recordOf(r.Record), target, [new Condition(r.Node, [r.Channel])])).ToArray();
            using AttributionResult attribution = attributor.Attribute(subset, rows);
            return attribution.InputRelevance.clone();
        }, null);

    /// <summary>
    /// The attribution-graph step: for each request, the share of its concept's conditional relevance (condition = the
    /// concept and class <paramref name="target"/>) that reaches each channel of each node of <paramref name="below"/>
    /// (relevance summed over time, divided by the row's sum of absolute values at that node, zennit-crp's
    /// <c>abs_norm</c>), <c>(requests, Σ channels)</c> with the nodes' channels concatenated in <paramref name="below"/>
    /// order, in request order. Every node of <paramref name="below"/> must lie below every request's node.
    /// </summary>
    public static Tensor ConditionalShares(Attributor attributor, Tensor input, int target, IReadOnlyList<ConceptRequest> requests, IReadOnlyList<string> below,
        IProgress<int>? progress = null, CancellationToken cancellation = default) =>
        Batched(input, requests, byNode: false, progress, cancellation, (subset, chunk, recordOf) =>
        {
            var rows = chunk.Select(r => new AttributionRow(recordOf(r.Record), target, [new Condition(r.Node, [r.Channel])])).ToArray();
            using AttributionResult attribution = attributor.Attribute(subset, rows, below);
            return cat(below.Select(n => ConceptRelevance.PerChannel(attribution.Relevance[n], normalise: true)).ToArray(), 1);
        }, below.Sum(attributor.ChannelsOf));

    /// <summary>
    /// Concept-start input relevance <c>(requests, leads, samples)</c>: relevance started at each request's concept
    /// activation (its channel at its node, at <see cref="ConceptRequest.Time"/> only when given, zero elsewhere) and
    /// walked down to the input (zennit-crp's RelMax visualisation), in request order.
    /// </summary>
    public static Tensor ConceptStart(Attributor attributor, Tensor input, IReadOnlyList<ConceptRequest> requests,
        IProgress<int>? progress = null, CancellationToken cancellation = default) =>
        Batched(input, requests, byNode: true, progress, cancellation, (subset, chunk, recordOf) =>
        {
            string node = chunk[0].Node;
            long[] rowRecords = chunk.Select(r => (long)recordOf(r.Record)).ToArray();
            using Tensor activation = attributor.Graph.Evaluate(subset, [node])[node];
            long channels = activation.shape[1], length = activation.shape[2];
            var mask = new float[chunk.Count * channels * length];
            for (int i = 0; i < chunk.Count; i++)
            {
                long offset = (i * channels + chunk[i].Channel) * length;
                if (chunk[i].Time is { } t)
                {
                    mask[offset + t] = 1;
                }
                else
                {
                    Array.Fill(mask, 1f, (int)offset, (int)length);
                }
            }
            Tensor start = activation.index_select(0, tensor(rowRecords, device: activation.device))
                .mul(tensor(mask, [chunk.Count, channels, length], device: activation.device).to_type(activation.dtype));
            return Started(attributor, subset, node, start, rowRecords.Select(r => (int)r).ToArray());
        }, null);

    /// <summary>
    /// Input relevance <c>(rows, leads, samples)</c> of relevance <paramref name="start"/> <c>(rows, …node shape)</c> started
    /// at <paramref name="node"/> and walked down to the input; row i explains record <paramref name="records"/>[i] of
    /// <paramref name="input"/>.
    /// </summary>
    public static Tensor Started(Attributor attributor, Tensor input, string node, Tensor start, IReadOnlyList<int> records)
    {
        using AttributionResult attribution = attributor.AttributeFrom(input, node, start, records.Select(r => new AttributionRow(r, 0)).ToArray());
        return attribution.InputRelevance.clone();
    }

    /// <summary>
    /// Runs <paramref name="walk"/> on chunks of the requests ordered by record (by node, then record, with
    /// <paramref name="byNode"/>: then each chunk has one node); each chunk has at most <see cref="RowsPerWalk"/> requests,
    /// gets the subset of its distinct records and a map from batch record to subset row, and returns one
    /// row per request (<paramref name="width"/> values per row, or an input heatmap when null).
    /// </summary>
    private static Tensor Batched(Tensor input, IReadOnlyList<ConceptRequest> requests, bool byNode, IProgress<int>? progress,
        CancellationToken cancellation, Func<Tensor, IReadOnlyList<ConceptRequest>, Func<int, int>, Tensor> walk, int? width)
    {
        using var scope = NewDisposeScope();
        if (requests.Count == 0)
        {
            long[] shape = width is { } w ? [0, w] : [0, input.shape[1], input.shape[2]];
            return zeros(shape, dtype: input.dtype, device: input.device).MoveToOuterDisposeScope();
        }
        int[] order = Enumerable.Range(0, requests.Count).OrderBy(i => byNode ? requests[i].Node : "", StringComparer.Ordinal)
            .ThenBy(i => requests[i].Record).ThenBy(i => i).ToArray();
        var parts = new List<Tensor>();
        for (int start = 0; start < order.Length;)
        {
            cancellation.ThrowIfCancellationRequested();
            string node = requests[order[start]].Node;
            var chunk = order.Skip(start).Take(RowsPerWalk).Select(i => requests[i]).TakeWhile(r => !byNode || r.Node == node).ToArray();
            int[] records = chunk.Select(r => r.Record).Distinct().ToArray();
            using Tensor subset = input.index_select(0, tensor(records.Select(r => (long)r).ToArray(), device: input.device));
            parts.Add(walk(subset, chunk, r => Array.IndexOf(records, r)));
            start += chunk.Length;
            progress?.Report(start);
        }
        var inverse = new long[order.Length];
        for (int i = 0; i < order.Length; i++)
        {
            inverse[order[i]] = i;
        }
        return cat(parts, 0).index_select(0, tensor(inverse, device: input.device)).MoveToOuterDisposeScope();
    }
}
