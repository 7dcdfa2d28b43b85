using EcgXai.Explain.Graph;
using static TorchSharp.torch;

namespace EcgXai.Explain.Attribution;

/// <summary>
/// Runs an <see cref="Attributor"/> walk over a large batch as consecutive pieces of about a given number of records,
/// each with its own forward and walk (so that its activations and relevance stay cache-sized), and joins the pieces'
/// results into the result of the whole batch, rows in the order given. Every row reads only its own record, so the
/// joined result equals one walk over the whole batch exactly, provided no piece puts a single row through a dense layer
/// where the whole batch puts several (BLAS takes its matrix-vector path for one row and sums in another order): such a
/// piece is merged with its neighbour. A piece whose records have no rows only runs the forward.
/// </summary>
internal static class AttributionPieces
{
    /// <summary>
    /// Walks <paramref name="rows"/> of <paramref name="input"/> in pieces of about <paramref name="size"/> records (one walk
    /// when the batch makes one piece); other arguments as <see cref="AttributionWalk"/>.
    /// </summary>
    public static AttributionResult Run(Attributor owner, Tensor input, IReadOnlyList<AttributionRow> rows, HashSet<string> recorded,
        string? startNode, Tensor? start, int size)
    {
        List<(int First, int Count)> ranges = Ranges(rows, (int)input.shape[0], size, startNode is not null);
        if (ranges.Count == 1)
        {
            return new AttributionWalk(owner, input, rows, recorded, startNode, start).Run();
        }
        var order = new List<long>(rows.Count);
        var pieces = new List<AttributionResult>();
        try
        {
            foreach (var (first, count) in ranges)
            {
                long[] members = Enumerable.Range(0, rows.Count).Where(i => rows[i].Record >= first && rows[i].Record < first + count)
                    .Select(i => (long)i).ToArray();
                order.AddRange(members);
                using var scope = NewDisposeScope();
                Tensor x = input.narrow(0, first, count);
                AttributionResult piece = members.Length == 0 ? Forward(owner.Graph, x, recorded)
                    : new AttributionWalk(owner, x, members.Select(i => rows[(int)i] with { Record = rows[(int)i].Record - first }).ToArray(),
                        recorded, startNode, start?.index_select(0, tensor(members, device: start.device))).Run();
                foreach (Tensor t in piece.All)
                {
                    t.MoveToOuterDisposeScope();
                }
                pieces.Add(piece);
            }
            Tensor? back = order.Select((row, position) => (row, position)).All(p => p.row == p.position) ? null
                : tensor(order.Select((row, position) => (row, (long)position)).OrderBy(p => p.row).Select(p => p.Item2).ToArray(), device: input.device);
            Tensor JoinRows(Func<AttributionResult, Tensor> part)
            {
                Tensor joined = cat(pieces.Select(part).ToArray(), 0);
                if (back is null)
                {
                    return joined;
                }
                Tensor ordered = joined.index_select(0, back);
                joined.Dispose();
                return ordered;
            }
            return new AttributionResult(rows, cat(pieces.Select(p => p.Logits).ToArray(), 0), JoinRows(p => p.InputRelevance),
                recorded.ToDictionary(n => n, n => JoinRows(p => p.Relevance[n]), StringComparer.Ordinal),
                recorded.ToDictionary(n => n, n => cat(pieces.Select(p => p.Activations[n]).ToArray(), 0), StringComparer.Ordinal));
        }
        finally
        {
            foreach (AttributionResult piece in pieces)
            {
                piece.Dispose();
            }
        }
    }

    /// <summary>
    /// Consecutive record ranges of at least <paramref name="size"/> records (the last may be shorter), none of them
    /// <see cref="Alone"/>: such a range grows by the next record, and a last one is merged into the one before.
    /// </summary>
    private static List<(int First, int Count)> Ranges(IReadOnlyList<AttributionRow> rows, int records, int size, bool started)
    {
        var ranges = new List<(int First, int Count)>();
        int first = 0;
        for (int end = 1; end <= records; end++)
        {
            if (end - first >= size && !Alone(rows, first, end - first, started))
            {
                ranges.Add((first, end - first));
                first = end;
            }
        }
        if (first < records)
        {
            ranges.Add((first, records - first));
        }
        while (ranges.Count > 1 && Alone(rows, ranges[^1].First, ranges[^1].Count, started))
        {
            int merged = ranges[^2].First;
            ranges.RemoveRange(ranges.Count - 2, 2);
            ranges.Add((merged, records - merged));
        }
        return ranges;
    }

    /// <summary>
    /// True when the range would run a dense layer on a single row: one record in its forward, or one walked row (rows
    /// sharing record and target are walked as one above their conditions; rows started at a node are walked each).
    /// </summary>
    private static bool Alone(IReadOnlyList<AttributionRow> rows, int first, int count, bool started)
    {
        var inside = rows.Where(r => r.Record >= first && r.Record < first + count);
        int walked = started ? inside.Count() : inside.Select(r => (r.Record, r.Target)).Distinct().Count();
        return count < 2 || walked == 1;
    }

    /// <summary>The result of records without rows: their logits and recorded activations, no relevance rows.</summary>
    private static AttributionResult Forward(ModelGraph graph, Tensor x, HashSet<string> recorded)
    {
        Dictionary<string, Tensor> values = graph.Evaluate(x, recorded);
        Tensor Empty(IReadOnlyList<long> shape) => zeros([0, .. shape], dtype: x.dtype, device: x.device);
        return new AttributionResult([], values[graph.Output], Empty(graph.InputShape),
            recorded.ToDictionary(n => n, n => Empty(graph.ShapeOf(n)), StringComparer.Ordinal),
            recorded.ToDictionary(n => n, n => values[n], StringComparer.Ordinal));
    }
}
