using EcgXai.Explain.Graph;
using static TorchSharp.torch;

namespace EcgXai.Explain.Canonizers;

/// <summary>
/// Folds every BatchNorm into the Conv1d before it when that conv's output feeds nothing else, exactly as zennit's
/// canonizer (eps kept): <c>w' = w·γ/√(var+eps)</c>, <c>b' = (b − μ)·γ/√(var+eps) + β</c> (b = 0 without bias). The
/// emptied BatchNorm is removed and its readers read the conv, which keeps its name. Other BatchNorms stay.
/// </summary>
public sealed class BatchNormFolding : ICanonizer
{
    /// <inheritdoc />
    public string Name => "batchnorm-folding";

    /// <inheritdoc />
    public ModelGraph Canonize(ModelGraph graph)
    {
        using var _ = no_grad();
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        var nodes = new List<GraphNode>();
        var folded = graph.Nodes.OfType<BatchNorm1dNode>()
            .Where(bn => graph.Contains(bn.Inputs[0]) && graph[bn.Inputs[0]] is Conv1dNode && graph.ConsumersOf(bn.Inputs[0]).Count == 1)
            .ToDictionary(bn => bn.Inputs[0], StringComparer.Ordinal);
        string Read(string name) => renamed.TryGetValue(name, out string? to) ? to : name;
        foreach (GraphNode node in graph.Nodes)
        {
            if (node is BatchNorm1dNode bn && folded.ContainsValue(bn))
            {
                renamed[bn.Name] = Read(bn.Inputs[0]);
                continue;
            }
            if (node is Conv1dNode conv && folded.TryGetValue(conv.Name, out BatchNorm1dNode? norm))
            {
                nodes.Add(Fold(conv, norm, conv.Inputs.Select(Read).ToArray()));
                continue;
            }
            nodes.Add(node.Rebind(node.Inputs.Select(Read).ToArray(), GraphRewrite.Own));
        }
        return GraphRewrite.Build(graph, nodes);
    }

    private static Conv1dNode Fold(Conv1dNode conv, BatchNorm1dNode bn, IReadOnlyList<string> inputs)
    {
        using var scope = NewDisposeScope();
        (Tensor scale, Tensor shift) = bn.Affine();
        Tensor weight = conv.Weight.detach() * scale.view(-1, 1, 1);
        Tensor bias = conv.Bias is null ? shift : conv.Bias.detach() * scale + shift;
        return new Conv1dNode(conv.Name, inputs[0], GraphRewrite.Keep(weight), GraphRewrite.Keep(bias), conv.Stride, conv.Padding, conv.Dilation);
    }
}
