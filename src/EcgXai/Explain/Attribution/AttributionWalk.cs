using EcgXai.Explain.Graph;
using EcgXai.Explain.Rules;
using static TorchSharp.torch;

namespace EcgXai.Explain.Attribution;

/// <summary>
/// State of one backward walk of an <see cref="Attributor"/>: the forward's kept activations, the relevance pending at
/// each node (summed over its readers), the rows and their mapping to records, and the recorded tensors.
/// </summary>
internal sealed class AttributionWalk
{
    private readonly Attributor owner;
    private readonly ModelGraph graph;
    private readonly Tensor input;
    private readonly IReadOnlyList<AttributionRow> rows;
    private readonly HashSet<string> recorded;
    private readonly string? startNode;
    private readonly Tensor? start;
    private readonly Dictionary<string, Tensor> pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Tensor> relevance = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Tensor> activations;
    /// <summary>Re-forwards of stacking rules (<see cref="IStackableRule"/>) computed in the forward, until their node's backward.</summary>
    private readonly Dictionary<string, Tensor> reForwards = new(StringComparer.Ordinal);
    /// <summary>Per kept activation, the lowest node position whose backward reads it (−1: kept for the result).</summary>
    private readonly Dictionary<string, int> lastUse = new(StringComparer.Ordinal);
    private readonly int records;
    /// <summary>Position of the node relevance starts at (the output, or the start node).</summary>
    private readonly int top;
    private readonly int expandAt;
    private readonly long[]? expansion;
    private Tensor? rowIndex;
    private long rowCount;
    private bool expanded;

    public AttributionWalk(Attributor owner, Tensor input, IReadOnlyList<AttributionRow> rows, HashSet<string> recorded, string? startNode, Tensor? start)
    {
        this.owner = owner;
        graph = owner.Graph;
        this.input = input;
        this.rows = rows;
        this.recorded = recorded;
        this.startNode = startNode;
        this.start = start;
        records = (int)input.shape[0];
        var conditioned = rows.SelectMany(r => r.Conditions).Select(c => graph.IndexOf(c.Node)).ToList();
        expandAt = conditioned.Count > 0 ? conditioned.Max() : -1;
        var shared = rows.Select(r => (r.Record, r.Target)).Distinct().ToList();
        expansion = startNode is not null || shared.Count == rows.Count ? null : rows.Select(r => (long)shared.IndexOf((r.Record, r.Target))).ToArray();
        SetRows(expansion is null ? rows.Select(r => (long)r.Record).ToArray() : shared.Select(p => (long)p.Record).ToArray());
        expanded = expansion is null;
        foreach (GraphNode node in graph.Nodes)
        {
            foreach (string needed in Needs(node))
            {
                lastUse.TryAdd(needed, graph.IndexOf(node.Name));
            }
        }
        foreach (string r in recorded)
        {
            lastUse[r] = -1;
        }
        top = startNode is null ? graph.Nodes.Count - 1 : graph.IndexOf(startNode);
        var stacked = graph.Nodes.Take(top + 1).Select(n => owner.RuleAt(n.Name)).Where(r => r.Stacks)
            .ToDictionary(r => r.Node.Name, r => (Func<IReadOnlyList<Tensor>, Tensor>)(inputs => Stacked(r, inputs[0])), StringComparer.Ordinal);
        activations = graph.Evaluate(input, lastUse.Keys, stacked);
    }

    /// <summary>The output of <paramref name="rule"/>'s node, its re-forward kept for the node's backward.</summary>
    private Tensor Stacked(NodeRule rule, Tensor x)
    {
        var (output, reForward) = rule.ForwardStacked(x);
        reForwards[rule.Node.Name] = reForward;
        return output;
    }

    public AttributionResult Run()
    {
        Tensor logits = activations[graph.Output];
        pending[graph.Nodes[top].Name] = startNode is null ? StartAtLogits(logits) : start!.alias();
        for (int i = top; i >= 0; i--)
        {
            GraphNode node = graph.Nodes[i];
            if (!expanded && i <= expandAt)
            {
                Expand();
            }
            if (pending.Remove(node.Name, out Tensor? r))
            {
                r = Condition(node.Name, r);
                if (recorded.Contains(node.Name))
                {
                    relevance[node.Name] = r;
                }
                foreach (var (source, contribution) in Propagate(owner.RuleAt(node.Name), r))
                {
                    pending[source] = pending.Remove(source, out Tensor? sum) ? Summed(sum, contribution) : contribution;
                }
                if (!recorded.Contains(node.Name))
                {
                    r.Dispose();
                }
            }
            Release(i);
        }
        if (!expanded)
        {
            Expand();
        }
        Tensor inputRelevance = pending.Remove(graph.Input, out Tensor? atInput) ? atInput
            : zeros([rowCount, .. graph.InputShape], dtype: input.dtype, device: input.device);
        foreach (string node in recorded.Where(n => !relevance.ContainsKey(n)))
        {
            relevance[node] = zeros([rowCount, .. graph.ShapeOf(node)], dtype: input.dtype, device: input.device);
        }
        var kept = recorded.ToDictionary(n => n, n => activations[n], StringComparer.Ordinal);
        return new AttributionResult(rows, logits, inputRelevance, relevance, kept);
    }

    /// <summary>Activations the backward of <paramref name="node"/> reads.</summary>
    private IEnumerable<string> Needs(GraphNode node)
    {
        NodeRule rule = owner.RuleAt(node.Name);
        return node.Kind switch
        {
            NodeKind.Conv1d or NodeKind.Linear or NodeKind.BatchNorm1d or NodeKind.AvgPool1d => rule.Passes ? [] : [node.Inputs[0]],
            NodeKind.Add => rule.Choice.Rule switch
            {
                null or Pass => [],
                Norm => [.. node.Inputs, node.Name],
                _ => node.Inputs,
            },
            NodeKind.Relu => rule.Passes ? [] : [node.Inputs[0]],
            NodeKind.MaxPool1d => [node.Inputs[0]],
            _ => [],
        };
    }

    private Tensor StartAtLogits(Tensor logits)
    {
        using var scope = NewDisposeScope();
        long[] targets = expansion is null ? rows.Select(r => (long)r.Target).ToArray()
            : rows.Select(r => (r.Record, r.Target)).Distinct().Select(p => (long)p.Target).ToArray();
        Tensor t = tensor(targets, dtype: ScalarType.Int64, device: logits.device).unsqueeze(1);
        Tensor rowLogits = RowsFull(logits);
        return zeros_like(rowLogits).scatter_(1, t, rowLogits.gather(1, t)).MoveToOuterDisposeScope();
    }

    /// <summary>Relevance at the inputs of <paramref name="rule"/>'s node from <paramref name="r"/> at its output.</summary>
    private IEnumerable<(string Source, Tensor Relevance)> Propagate(NodeRule rule, Tensor r)
    {
        GraphNode node = rule.Node;
        if (rule.Passes && node.Kind is not NodeKind.Add)
        {
            CheckPass(node, r);
            return [(node.Inputs[0], r.alias())];
        }
        switch (node)
        {
            case ReluNode:
                return [(node.Inputs[0], r.mul(Rows(activations[node.Inputs[0]]).gt(0)))];
            case MaxPool1dNode pool:
                {
                    using var scope = NewDisposeScope();
                    Tensor x = activations[node.Inputs[0]];
                    Tensor indices = RowsFull(pool.ForwardWithIndices(x).Indices, r.shape[0]);
                    Tensor routed = zeros(r.shape[0], r.shape[1], x.shape[2], dtype: r.dtype, device: r.device).scatter_add_(2, indices, r);
                    return [(node.Inputs[0], routed.MoveToOuterDisposeScope())];
                }
            case ConcatNode:
                {
                    long offset = 0;
                    var parts = new List<(string, Tensor)>();
                    foreach (string source in node.Inputs)
                    {
                        long channels = graph.ShapeOf(source)[0];
                        parts.Add((source, r.narrow(1, offset, channels).contiguous()));
                        offset += channels;
                    }
                    return parts;
                }
            case FlattenNode:
                return [(node.Inputs[0], r.reshape([r.shape[0], .. graph.ShapeOf(node.Inputs[0])]))];
            case AddNode:
                return Sum(rule, r);
            default:
                {
                    using var scope = NewDisposeScope();
                    LinearLayer layer = rule.Layer!;
                    Tensor x = Rows(activations[node.Inputs[0]]);
                    Tensor result = reForwards.Remove(node.Name, out Tensor? reForward) && rule.Choice.Rule is IStackableRule stackable
                        ? stackable.Apply(layer, x, r, Rows(reForward))
                        : (rule.Choice.Rule ?? new Gradient()).Apply(layer, x, r);
                    reForward?.Dispose();
                    return [(node.Inputs[0], result.MoveToOuterDisposeScope())];
                }
        }
    }

    private IEnumerable<(string, Tensor)> Sum(NodeRule rule, Tensor r)
    {
        GraphNode node = rule.Node;
        switch (rule.Choice.Rule)
        {
            case null or Pass:
                return node.Inputs.Select(s => (s, r.alias()));
            case Norm norm:
                Tensor[] parts = norm.ApplyToSum(node.Inputs.Select(s => Rows(activations[s])).ToArray(), Rows(activations[node.Name]), r);
                return node.Inputs.Zip(parts);
            default:
                {
                    using var scope = NewDisposeScope();
                    Tensor both = rule.Choice.Rule.Apply(rule.Layer!, stack(node.Inputs.Select(s => Rows(activations[s])).ToArray(), 1), r);
                    return node.Inputs.Select((s, j) => (s, both.select(1, j).contiguous().MoveToOuterDisposeScope())).ToArray();
                }
        }
    }

    private void CheckPass(GraphNode node, Tensor r)
    {
        if (!graph.ShapeOf(node.Inputs[0]).SequenceEqual(r.shape.Skip(1)))
        {
            throw new ArgumentException($"Pass on '{node.Name}' needs equal input and output shapes");
        }
    }

    private static Tensor Summed(Tensor a, Tensor b)
    {
        Tensor sum = a.add(b);
        a.Dispose();
        b.Dispose();
        return sum;
    }

    /// <summary>At the first conditioned node, turns the shared (record, target) rows into one row per request.</summary>
    private void Expand()
    {
        expanded = true;
        Tensor index = tensor(expansion!, dtype: ScalarType.Int64, device: input.device);
        foreach (string key in pending.Keys.ToArray())
        {
            Tensor old = pending[key];
            pending[key] = old.index_select(0, index);
            old.Dispose();
        }
        foreach (string key in relevance.Keys.ToArray())
        {
            relevance[key] = relevance[key].index_select(0, index);
        }
        SetRows(rows.Select(row => (long)row.Record).ToArray());
    }

    /// <summary>Masks relevance at a conditioned node and drops, for the rows conditioned there, all relevance pending elsewhere (it bypasses the node).</summary>
    private Tensor Condition(string node, Tensor r)
    {
        if (!rows.Any(row => row.Conditions.Any(c => c.Node == node)))
        {
            return r;
        }
        long channels = r.shape[1];
        var mask = new float[rows.Count * channels];
        var keep = new float[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            var conditions = rows[i].Conditions.Where(c => c.Node == node).ToList();
            keep[i] = conditions.Count == 0 ? 1f : 0f;
            for (int ch = 0; ch < channels; ch++)
            {
                mask[i * channels + ch] = conditions.All(c => c.Channels.Contains(ch)) ? 1f : 0f;
            }
        }
        long[] spread = [.. Enumerable.Repeat(1L, (int)r.dim() - 2)];
        Tensor masked = r.mul(tensor(mask, device: r.device).to_type(r.dtype).view([rows.Count, channels, .. spread]));
        Tensor keepRows = tensor(keep, device: r.device).to_type(r.dtype);
        r.Dispose();
        foreach (string key in pending.Keys.ToArray())
        {
            Tensor old = pending[key];
            pending[key] = old.mul(keepRows.view([-1, .. Enumerable.Repeat(1L, (int)old.dim() - 1)]));
            old.Dispose();
        }
        return masked;
    }

    /// <summary>Frees the activations whose last reader is node <paramref name="position"/>, and its re-forward if no relevance reached it.</summary>
    private void Release(int position)
    {
        if (reForwards.Remove(graph.Nodes[position].Name, out Tensor? unused))
        {
            unused.Dispose();
        }
        foreach (string name in lastUse.Where(u => u.Value == position).Select(u => u.Key))
        {
            if (name != graph.Output && activations.Remove(name, out Tensor? t) && !ReferenceEquals(t, input))
            {
                t.Dispose();
            }
        }
    }

    private void SetRows(long[] recordOfRow)
    {
        rowCount = recordOfRow.Length;
        rowIndex = records == 1 || recordOfRow.SequenceEqual(Enumerable.Range(0, records).Select(i => (long)i))
            ? null
            : tensor(recordOfRow, dtype: ScalarType.Int64, device: input.device);
    }

    /// <summary>The rows of a per-record tensor for the current relevance rows; a single record is broadcast, not copied.</summary>
    private Tensor Rows(Tensor perRecord) => rowIndex is null ? perRecord : perRecord.index_select(0, rowIndex);

    /// <summary>Like <see cref="Rows(Tensor)"/> but materialised to <paramref name="count"/> rows (for indices and start values).</summary>
    private Tensor RowsFull(Tensor perRecord, long count = -1)
    {
        Tensor t = Rows(perRecord);
        long n = count < 0 ? rowCount : count;
        return t.shape[0] == n ? t : t.expand([n, .. t.shape.Skip(1)]);
    }
}
