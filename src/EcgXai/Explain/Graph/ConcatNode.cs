using static TorchSharp.torch;

namespace EcgXai.Explain.Graph;

/// <summary>Concatenation on the channel axis (axis 1 of the batch, 0 per record) of inputs with equal other dimensions.</summary>
public sealed class ConcatNode : GraphNode
{
    /// <summary>The concatenation of <paramref name="inputs"/> (at least one) along channels.</summary>
    public ConcatNode(string name, IReadOnlyList<string> inputs) : base(name, inputs, null) { }

    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.Concat;

    /// <inheritdoc />
    public override long[] OutputShape(IReadOnlyList<long[]> inputShapes)
    {
        if (inputShapes.Count != Inputs.Count || inputShapes.Any(s => s.Length == 0 || !s.Skip(1).SequenceEqual(inputShapes[0].Skip(1))))
        {
            throw Error($"inputs must agree beyond the channel axis, got [{string.Join("; ", inputShapes.Select(Shape.Format))}]");
        }
        return [inputShapes.Sum(s => s[0]), .. inputShapes[0].Skip(1)];
    }

    /// <inheritdoc />
    public override GraphNode Rebind(IReadOnlyList<string> inputs, Func<Tensor, Tensor> tensors) =>
        new ConcatNode(Name, inputs);

    /// <inheritdoc />
    protected override Tensor Compute(IReadOnlyList<Tensor> inputs) => cat(inputs.ToList(), 1);
}
