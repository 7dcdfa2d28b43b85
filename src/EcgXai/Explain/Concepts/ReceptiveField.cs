using EcgXai.Explain.Graph;

namespace EcgXai.Explain.Concepts;

/// <summary>
/// The samples of the graph input that a time span of a node can depend on, derived from the node definitions on every
/// path down to the input: a convolution maps output span [a, b] to [a·s − p, b·s − p + d(k − 1)], a pool likewise
/// with its window, point-wise nodes (ReLU, BatchNorm, Identity, Add, Concat) keep the span, and Flatten or Linear
/// depend on their whole input (a Flatten span within one channel keeps its times). Paths that meet (residual skips) take the hull of their spans. Clipped to the input.
/// </summary>
/// <param name="Start">First input sample (inclusive).</param>
/// <param name="End">Last input sample (inclusive).</param>
public sealed record ReceptiveField(long Start, long End)
{
    /// <summary>Number of input samples.</summary>
    public long Length => End - Start + 1;

    /// <summary>The receptive field of time indices <paramref name="first"/>..<paramref name="last"/> of <paramref name="node"/> in <paramref name="graph"/>.</summary>
    public static ReceptiveField Of(ModelGraph graph, string node, long first, long last)
    {
        IReadOnlyList<long> shape = graph.ShapeOf(node);
        if (shape.Count != 2 || first < 0 || last < first || last >= shape[1])
        {
            throw new ArgumentException($"time span {first}..{last} is outside node '{node}' of shape {Shape.Format(shape)}");
        }
        var spans = new Dictionary<string, (long A, long B)>(StringComparer.Ordinal) { [node] = (first, last) };
        for (int i = graph.IndexOf(node); i >= 0; i--)
        {
            GraphNode n = graph.Nodes[i];
            if (!spans.TryGetValue(n.Name, out var span))
            {
                continue;
            }
            foreach (string input in n.Inputs)
            {
                (long a, long b) = Down(n, span, graph.ShapeOf(input));
                spans[input] = spans.TryGetValue(input, out var seen) ? (Math.Min(seen.A, a), Math.Max(seen.B, b)) : (a, b);
            }
        }
        long length = graph.InputShape[^1];
        (long start, long end) = spans[graph.Input];
        return new ReceptiveField(Math.Max(0, start), Math.Min(length - 1, end));
    }

    /// <summary>The receptive field of time index <paramref name="time"/> of <paramref name="node"/>.</summary>
    public static ReceptiveField Of(ModelGraph graph, string node, long time) => Of(graph, node, time, time);

    private static (long A, long B) Down(GraphNode node, (long A, long B) span, IReadOnlyList<long> inputShape)
    {
        long length = inputShape[^1];
        switch (node)
        {
            case Conv1dNode conv:
                return (span.A * conv.Stride - conv.Padding, span.B * conv.Stride - conv.Padding + conv.Dilation * (conv.KernelSize - 1));
            case Pool1dNode pool:
                return Window(span, pool.Window(length), pool.Padding);
            case FlattenNode:
                return span.A / length == span.B / length ? (span.A % length, span.B % length) : (0, length - 1);
            case LinearNode:
                return (0, length - 1);
            case ReluNode or BatchNorm1dNode or IdentityNode or AddNode or ConcatNode:
                return span;
            default:
                throw new ArgumentException($"no receptive-field rule for node '{node.Name}' of kind {node.Kind}");
        }
    }

    private static (long A, long B) Window((long A, long B) span, (long Kernel, long Stride) window, long padding) =>
        (span.A * window.Stride - padding, span.B * window.Stride - padding + window.Kernel - 1);
}
