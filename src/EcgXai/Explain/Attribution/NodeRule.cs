using EcgXai.Explain.Composites;
using EcgXai.Explain.Graph;
using EcgXai.Explain.Rules;

namespace EcgXai.Explain.Attribution;

/// <summary>
/// A node of the explained graph bound to its rule: the composite's choice and, for nodes linear in their input (conv,
/// dense, BatchNorm as affine, average pool as a depthwise conv, sum), the <see cref="LinearLayer"/> view the rule acts
/// on (own parameter copies with <c>W⁺, W⁻</c> cached; <c>x⁻</c> skipped where the graph proves the input non-negative).
/// </summary>
internal sealed class NodeRule : IDisposable
{
    public NodeRule(ModelGraph graph, GraphNode node, RuleChoice choice)
    {
        Node = node;
        Choice = choice;
        bool nonNegative = node.Inputs.All(graph.IsNonNegative);
        Layer = node switch
        {
            Conv1dNode c => new ConvLayer(node.Name, c.Weight.detach().clone(), c.Bias?.detach().clone(), c.Stride, c.Padding, nonNegative, c.Dilation),
            LinearNode l => new DenseLayer(node.Name, l.Weight.detach().clone(), l.Bias?.detach().clone(), nonNegative),
            BatchNorm1dNode b => AffineLayer.FromBatchNorm(b, nonNegative),
            AvgPool1dNode a => AveragePool(graph, a, nonNegative),
            AddNode when choice.Rule is not (null or Norm) => new SumLayer(node.Name, node.Inputs.Count, graph.DType, graph.Device, nonNegative),
            _ => null,
        };
        bool structural = node.Kind is NodeKind.Relu or NodeKind.Identity or NodeKind.MaxPool1d or NodeKind.Concat or NodeKind.Flatten;
        bool passable = node.Kind is NodeKind.Relu or NodeKind.Identity;
        if (structural && choice.Rule is not (null or Gradient) && !(passable && choice.Rule is Pass))
        {
            throw new ArgumentException($"rule {choice.RuleText} ({choice.Why}) cannot apply to node '{node.Name}' of kind {node.Kind}: "
                + (passable ? "use Pass or no rule" : "it takes no rule (plain gradient)"));
        }
    }

    /// <summary>The node.</summary>
    public GraphNode Node { get; }

    /// <summary>The composite's choice.</summary>
    public RuleChoice Choice { get; }

    /// <summary>The rules' view of a linear node, or null.</summary>
    public LinearLayer? Layer { get; }

    /// <summary>True when the rule passes relevance through unchanged (or the node is an identity).</summary>
    public bool Passes => Choice.Rule is Pass || Node.Kind == NodeKind.Identity;

    private static ConvLayer AveragePool(ModelGraph graph, AvgPool1dNode pool, bool nonNegative)
    {
        IReadOnlyList<long> shape = graph.ShapeOf(pool.Inputs[0]);
        (long k, long s) = pool.Window(shape[1]);
        var weight = TorchSharp.torch.full([shape[0], 1, k], 1.0 / k, dtype: graph.DType, device: graph.Device);
        return new ConvLayer(pool.Name, weight, null, s, pool.Padding, nonNegative, groups: shape[0]);
    }

    /// <inheritdoc />
    public void Dispose() => Layer?.Dispose();
}
