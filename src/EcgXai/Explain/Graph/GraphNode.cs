using static TorchSharp.torch;

namespace EcgXai.Explain.Graph;

/// <summary>
/// One named node of a <see cref="ModelGraph"/>: its kind, the names of the nodes (or the graph input) it reads, and its
/// forward. Node names are PyTorch module paths (<c>blocks.2.conv1</c>, <c>features.6</c>). A node never owns its
/// tensors; the graph does (or borrows them from a model). Shapes are per record, without the batch dimension.
/// </summary>
public abstract class GraphNode
{
    /// <summary>Checks that the node has a name and at least one input.</summary>
    protected GraphNode(string name, IReadOnlyList<string> inputs, nn.Module<Tensor, Tensor>? module)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("a graph node needs a name");
        }
        if (inputs.Count == 0)
        {
            throw new ArgumentException($"node '{name}' has no inputs");
        }
        Name = name;
        Inputs = inputs;
        Module = module;
    }

    /// <summary>Node name (PyTorch module path).</summary>
    public string Name { get; }

    /// <summary>Names of the nodes (or the graph input) this node reads, in argument order.</summary>
    public IReadOnlyList<string> Inputs { get; }

    /// <summary>What the node computes.</summary>
    public abstract NodeKind Kind { get; }

    /// <summary>
    /// The TorchSharp module this node runs (a model's own layer, so training mode — batch statistics, dropout,
    /// autograd — stays on the module), or null for a node built from plain tensors.
    /// </summary>
    public nn.Module<Tensor, Tensor>? Module { get; }

    /// <summary>The tensors the node reads (weights, biases, statistics), for dtype/device checks and disposal.</summary>
    public virtual IEnumerable<Tensor> Tensors => [];

    /// <summary>Output shape per record for inputs of <paramref name="inputShapes"/>; throws <see cref="ArgumentException"/> naming the node when they do not fit.</summary>
    public abstract long[] OutputShape(IReadOnlyList<long[]> inputShapes);

    /// <summary>Applies the node to batched <paramref name="inputs"/> (one per <see cref="Inputs"/> entry).</summary>
    public Tensor Forward(IReadOnlyList<Tensor> inputs) => Module is { } module ? module.forward(inputs[0]) : Compute(inputs);

    /// <summary>
    /// A copy of this node reading <paramref name="inputs"/> instead, with every tensor replaced by
    /// <paramref name="tensors"/>(tensor) and no bound module (for canonizers and rewrites).
    /// </summary>
    public abstract GraphNode Rebind(IReadOnlyList<string> inputs, Func<Tensor, Tensor> tensors);

    /// <summary>The node's eval-mode computation from its definition (used when no <see cref="Module"/> is bound).</summary>
    protected abstract Tensor Compute(IReadOnlyList<Tensor> inputs);

    /// <summary>An <see cref="ArgumentException"/> naming this node.</summary>
    protected ArgumentException Error(string problem) => new($"node '{Name}' ({Kind}): {problem}");

    /// <summary>Throws unless there are exactly <paramref name="count"/> input shapes of rank <paramref name="rank"/>.</summary>
    protected void Expect(IReadOnlyList<long[]> inputShapes, int count, int rank)
    {
        if (inputShapes.Count != count)
        {
            throw Error($"expects {count} input(s), got {inputShapes.Count}");
        }
        if (inputShapes.Any(s => s.Length != rank))
        {
            throw Error($"expects inputs of rank {rank} per record, got [{string.Join("; ", inputShapes.Select(Shape.Format))}]");
        }
    }
}
