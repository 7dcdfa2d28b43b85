using static TorchSharp.torch;

namespace EcgXai.Explain.Graph;

/// <summary>Element-wise sum of two or more inputs of one shape (a residual sum; zennit's stacked <c>Sum</c>).</summary>
public sealed class AddNode : GraphNode
{
    /// <summary>The sum of <paramref name="inputs"/> (at least two).</summary>
    public AddNode(string name, IReadOnlyList<string> inputs) : base(name, inputs, null)
    {
        if (inputs.Count < 2)
        {
            throw Error($"needs at least two inputs, got {inputs.Count}");
        }
    }

    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.Add;

    /// <inheritdoc />
    public override long[] OutputShape(IReadOnlyList<long[]> inputShapes) =>
        inputShapes.Count == Inputs.Count && inputShapes.All(s => s.SequenceEqual(inputShapes[0])) ? inputShapes[0]
            : throw Error($"inputs must have one shape, got [{string.Join("; ", inputShapes.Select(Shape.Format))}]");

    /// <inheritdoc />
    public override GraphNode Rebind(IReadOnlyList<string> inputs, Func<Tensor, Tensor> tensors) =>
        new AddNode(Name, inputs);

    /// <inheritdoc />
    protected override Tensor Compute(IReadOnlyList<Tensor> inputs)
    {
        Tensor sum = inputs[0].add(inputs[1]);
        for (int i = 2; i < inputs.Count; i++)
        {
            sum.add_(inputs[i]);
        }
        return sum;
    }
}
