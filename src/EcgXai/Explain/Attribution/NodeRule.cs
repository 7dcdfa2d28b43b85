using EcgXai.Explain.Composites;
using EcgXai.Explain.Graph;
using EcgXai.Explain.Rules;
using static TorchSharp.torch;

namespace EcgXai.Explain.Attribution;

/// <summary>
/// A node of the explained graph bound to its rule: the composite's choice and, for nodes linear in their input (conv,
/// dense, BatchNorm as affine, average pool as a depthwise conv, sum), the <see cref="LinearLayer"/> view the rule acts
/// on (own parameter copies with <c>W⁺, W⁻</c> cached; <c>x⁻</c> skipped where the graph proves the input non-negative).
/// </summary>
internal sealed class NodeRule : IDisposable
{
    private readonly (Tensor Weight, Tensor? Bias)? stacked;

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
        stacked = node is Conv1dNode && choice.Rule is IStackableRule stackable ? Stack(Layer!, stackable) : null;
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

    /// <summary>
    /// True when the node's output and its rule's re-forward come from one convolution with stacked parameters
    /// (<see cref="IStackableRule"/>; <see cref="ForwardStacked"/>).
    /// </summary>
    public bool Stacks => stacked is not null;

    /// <summary>
    /// The node's output and its rule's re-forward <c>f(x; W', b')</c> from one convolution of <paramref name="input"/> with
    /// <c>[W; W']</c>: two views of one tensor, split along the channels. Only when <see cref="Stacks"/>.
    /// </summary>
    public (Tensor Output, Tensor ReForward) ForwardStacked(Tensor input)
    {
        var (weight, bias) = stacked ?? throw new InvalidOperationException($"node '{Node.Name}' has no stacked re-forward");
        long channels = Layer!.Weight.shape[0];
        Tensor both = Layer.Forward(input, weight, bias);
        return (both.narrow(1, 0, channels), both.narrow(1, channels, channels));
    }

    /// <summary>True when the rule passes relevance through unchanged (or the node is an identity).</summary>
    public bool Passes => Choice.Rule is Pass || Node.Kind == NodeKind.Identity;

    private static ConvLayer AveragePool(ModelGraph graph, AvgPool1dNode pool, bool nonNegative)
    {
        IReadOnlyList<long> shape = graph.ShapeOf(pool.Inputs[0]);
        (long k, long s) = pool.Window(shape[1]);
        var weight = full([shape[0], 1, k], 1.0 / k, dtype: graph.DType, device: graph.Device);
        return new ConvLayer(pool.Name, weight, null, s, pool.Padding, nonNegative, groups: shape[0]);
    }

    /// <summary>
    /// <c>[W; W']</c> and <c>[b; b']</c> of the rule's re-forward on <paramref name="layer"/> (a missing bias as zeros; null
    /// when neither has one), owned; null when the rule has no single re-forward there.
    /// </summary>
    private static (Tensor Weight, Tensor? Bias)? Stack(LinearLayer layer, IStackableRule rule)
    {
        using var scope = NewDisposeScope();
        if (rule.ReForwardParameters(layer) is not var (weight, bias))
        {
            return null;
        }
        Tensor OrZeros(Tensor? b) => b ?? zeros(layer.Weight.shape[0], dtype: layer.Weight.dtype, device: layer.Weight.device);
        Tensor? stackedBias = layer.Bias is null && bias is null ? null : cat([OrZeros(layer.Bias), OrZeros(bias)], 0).DetachFromDisposeScope();
        return (cat([layer.Weight, weight], 0).DetachFromDisposeScope(), stackedBias);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Layer?.Dispose();
        stacked?.Weight.Dispose();
        stacked?.Bias?.Dispose();
    }
}
