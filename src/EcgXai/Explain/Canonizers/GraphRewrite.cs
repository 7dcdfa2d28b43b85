using EcgXai.Explain.Graph;
using static TorchSharp.torch;

namespace EcgXai.Explain.Canonizers;

/// <summary>Shared steps of the canonizers: owned tensor copies and rebuilding a graph from rewritten nodes.</summary>
internal static class GraphRewrite
{
    /// <summary>A detached copy of <paramref name="t"/> outside any dispose scope.</summary>
    public static Tensor Own(Tensor t)
    {
        using var _ = no_grad();
        return t.detach().clone().DetachFromDisposeScope();
    }

    /// <summary>Takes <paramref name="t"/> (a new tensor) out of any dispose scope for the graph to own.</summary>
    public static Tensor Keep(Tensor t) => t.detach().DetachFromDisposeScope();

    /// <summary>An unchanged copy of <paramref name="graph"/> owning its tensors and running no module.</summary>
    public static ModelGraph Copy(ModelGraph graph) => Build(graph, graph.Nodes.Select(n => n.Rebind(n.Inputs, Own)).ToArray());

    /// <summary>
    /// The graph of <paramref name="nodes"/> (topological order; they own their tensors) with <paramref name="source"/>'s
    /// input, output and metadata, dropping nodes that no longer lead to the output.
    /// </summary>
    public static ModelGraph Build(ModelGraph source, IReadOnlyList<GraphNode> nodes)
    {
        var byName = nodes.ToDictionary(n => n.Name, StringComparer.Ordinal);
        var useful = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>([source.Output]);
        while (stack.TryPop(out string? name))
        {
            if (useful.Add(name) && byName.TryGetValue(name, out GraphNode? node))
            {
                foreach (string input in node.Inputs)
                {
                    stack.Push(input);
                }
            }
        }
        var dropped = nodes.Where(n => !useful.Contains(n.Name)).SelectMany(n => n.Tensors).ToList();
        var kept = nodes.Where(n => useful.Contains(n.Name)).ToList();
        foreach (Tensor t in dropped.Except(kept.SelectMany(n => n.Tensors), ReferenceEqualityComparer.Instance).Cast<Tensor>())
        {
            t.Dispose();
        }
        var builder = new GraphBuilder(source.Input, source.InputShape);
        foreach (GraphNode node in kept)
        {
            builder.Add(node);
        }
        return builder.Build(source.Output, ownsTensors: true, source.Metadata);
    }
}
