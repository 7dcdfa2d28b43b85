using EcgXai.Explain.Graph;
using static TorchSharp.torch;

namespace EcgXai.Explain.Faithfulness;

/// <summary>
/// A flip place on a <see cref="ModelGraph"/>: the graph's input (named <see cref="InputName"/>), or a node of shape
/// <c>(channels, length)</c>, where <see cref="ModelGraph.Restart"/> continues the forward from replaced activations.
/// </summary>
public sealed class GraphPlace : IFlipPlace
{
    /// <summary>Name of the input place, whatever the graph calls its input.</summary>
    public const string InputName = "input";

    private readonly ModelGraph graph;
    private readonly string node;

    /// <summary>The place <paramref name="name"/> of <paramref name="graph"/>: <see cref="InputName"/> or a node name.</summary>
    public GraphPlace(ModelGraph graph, string name)
    {
        this.graph = graph;
        node = name == InputName ? graph.Input : name;
        IReadOnlyList<long> shape = node == graph.Input ? graph.InputShape : graph.Contains(node) ? graph.ShapeOf(node)
            : throw new ArgumentException($"the model has no node '{name}'");
        if (shape.Count != 2)
        {
            throw new ArgumentException($"cannot flip at '{name}': its activation is [{string.Join(", ", shape)}] per record, not (channels, time)");
        }
        Name = name;
        Channels = (int)shape[0];
        Length = (int)shape[1];
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public int Channels { get; }

    /// <inheritdoc />
    public int Length { get; }

    /// <inheritdoc />
    public IFlipSession Open(Tensor input)
    {
        using var _ = no_grad();
        if (node == graph.Input)
        {
            return new Session(this, input, input.alias());
        }
        Dictionary<string, Tensor> values = graph.Evaluate(input, keep: [node]);
        values[graph.Output].Dispose();
        return new Session(this, input, values[node]);
    }

    private sealed class Session(GraphPlace place, Tensor input, Tensor activations) : IFlipSession
    {
        public Tensor Activations => activations;

        public Tensor Logits(Tensor replaced)
        {
            if (place.node == place.graph.Input)
            {
                return place.graph.Forward(replaced);
            }
            int records = (int)input.shape[0];
            int[] recordOfRow = Enumerable.Range(0, (int)replaced.shape[0]).Select(r => r % records).ToArray();
            return place.graph.Restart(place.node, replaced, input, recordOfRow);
        }

        public void Dispose() => activations.Dispose();
    }
}
