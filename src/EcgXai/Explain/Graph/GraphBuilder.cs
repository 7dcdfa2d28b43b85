using static TorchSharp.torch;

namespace EcgXai.Explain.Graph;

/// <summary>
/// Builds a <see cref="ModelGraph"/> node by node in topological order: every node's inputs must already exist (the
/// graph input or an earlier node); shapes are checked as nodes are added.
/// </summary>
public sealed class GraphBuilder
{
    private readonly List<GraphNode> nodes = [];
    private readonly Dictionary<string, long[]> shapes = new(StringComparer.Ordinal);

    /// <summary>A builder whose graph input <paramref name="inputName"/> has per-record shape <paramref name="inputShape"/> (e.g. <c>[12, 4096]</c>).</summary>
    public GraphBuilder(string inputName, IReadOnlyList<long> inputShape)
    {
        if (string.IsNullOrWhiteSpace(inputName) || inputShape.Count == 0 || inputShape.Any(d => d < 1))
        {
            throw new ArgumentException($"invalid graph input '{inputName}' {Shape.Format(inputShape)}");
        }
        Input = inputName;
        shapes[inputName] = inputShape.ToArray();
    }

    /// <summary>Name of the graph input.</summary>
    public string Input { get; }

    /// <summary>Name of the last node added (the input before any).</summary>
    public string Last => nodes.Count > 0 ? nodes[^1].Name : Input;

    /// <summary>True when <paramref name="name"/> is the input or a node added so far.</summary>
    public bool Contains(string name) => shapes.ContainsKey(name);

    /// <summary>Per-record shape of the input or node <paramref name="name"/>.</summary>
    public long[] ShapeOf(string name) => shapes.TryGetValue(name, out long[]? s) ? s : throw new ArgumentException($"no node '{name}' in the graph so far");

    /// <summary>Adds <paramref name="node"/> after checking its name is new and its inputs exist and fit; returns its name.</summary>
    public string Add(GraphNode node)
    {
        if (shapes.ContainsKey(node.Name))
        {
            throw new ArgumentException($"node name '{node.Name}' is used twice");
        }
        string? missing = node.Inputs.FirstOrDefault(i => !shapes.ContainsKey(i));
        if (missing is not null)
        {
            throw new ArgumentException($"node '{node.Name}' reads '{missing}', which is neither the input nor an earlier node");
        }
        shapes[node.Name] = node.OutputShape(node.Inputs.Select(i => shapes[i]).ToArray());
        nodes.Add(node);
        return node.Name;
    }

    /// <summary>
    /// The graph with output <paramref name="output"/> (default: the last node). With <paramref name="ownsTensors"/> the
    /// graph disposes every node tensor when disposed (tensors made for it, e.g. by an importer); otherwise it borrows them
    /// (e.g. a model's parameters). Nodes that do not lead to the output are refused.
    /// </summary>
    public ModelGraph Build(string? output = null, bool ownsTensors = false, GraphMetadata? metadata = null)
    {
        string o = output ?? Last;
        if (!shapes.ContainsKey(o) || o == Input)
        {
            throw new ArgumentException($"output '{o}' is not a node of the graph");
        }
        return new ModelGraph(Input, shapes[Input], nodes.ToArray(), o, shapes, ownsTensors, metadata ?? GraphMetadata.None);
    }
}
