using EcgXai.Explain.Graph;
using static TorchSharp.torch;

namespace EcgXai.Explain.Canonizers;

/// <summary>
/// <see cref="Bn2Policy.Fold"/>: a BatchNorm <c>B</c> after a sum <c>S = Σ x_j</c> (the Ribeiro post-sum <c>bn2</c>, whose
/// sum also feeds the next skip) is replaced by a sum over folded branches, <c>B(S) = (w·x_0 + b) + Σ_{j≥1} w·x_j</c>
/// with <c>w = γ/√(var+eps)</c>, <c>b = β − μw</c>: a branch that is a Conv1d read only by the sum becomes a copy of that conv reading the same input
/// with weights scaled by <c>w</c> (the first branch also gains <c>b</c>); any other branch gets a scale node
/// <c>B.branch{j}</c> (a BatchNorm with mean 0, var 1, eps 0, γ = w). The new sum keeps the name of <c>B</c>; the raw sum
/// <c>S</c> stays for its other readers (removed when it has none). Relevance from the unit's output is then split over
/// the folded branches, relevance from the next skip over the raw ones.
/// </summary>
public sealed class Bn2Folding : ICanonizer
{
    /// <inheritdoc />
    public string Name => "bn2-fold";

    /// <inheritdoc />
    public ModelGraph Canonize(ModelGraph graph)
    {
        using var _ = no_grad();
        var nodes = new List<GraphNode>();
        foreach (GraphNode node in graph.Nodes)
        {
            if (node is BatchNorm1dNode bn && graph.Contains(bn.Inputs[0]) && graph[bn.Inputs[0]] is AddNode sum)
            {
                nodes.AddRange(Fold(graph, bn, sum));
                continue;
            }
            nodes.Add(node.Rebind(node.Inputs, GraphRewrite.Own));
        }
        return GraphRewrite.Build(graph, nodes);
    }

    private static List<GraphNode> Fold(ModelGraph graph, BatchNorm1dNode bn, AddNode sum)
    {
        using var scope = NewDisposeScope();
        (Tensor scale, Tensor shift) = bn.Affine();
        var added = new List<GraphNode>();
        var branches = new List<string>();
        for (int j = 0; j < sum.Inputs.Count; j++)
        {
            string input = sum.Inputs[j];
            string name = $"{bn.Name}.branch{j}";
            if (graph.Contains(input) && graph[input] is Conv1dNode conv && graph.ConsumersOf(input).Count == 1)
            {
                Tensor weight = conv.Weight.detach() * scale.view(-1, 1, 1);
                Tensor? bias = conv.Bias is null ? null : conv.Bias.detach() * scale;
                if (j == 0)
                {
                    bias = bias is null ? shift : bias + shift;
                }
                added.Add(new Conv1dNode(name, conv.Inputs[0], GraphRewrite.Keep(weight), bias is null ? null : GraphRewrite.Keep(bias),
                    conv.Stride, conv.Padding, conv.Dilation));
            }
            else
            {
                Tensor zero = zeros_like(scale), one = ones_like(scale);
                added.Add(new BatchNorm1dNode(name, input, GraphRewrite.Keep(zero), GraphRewrite.Keep(one), GraphRewrite.Keep(scale.clone()),
                    j == 0 ? GraphRewrite.Keep(shift.clone()) : null, 0));
            }
            branches.Add(name);
        }
        added.Add(new AddNode(bn.Name, branches));
        return added;
    }
}
