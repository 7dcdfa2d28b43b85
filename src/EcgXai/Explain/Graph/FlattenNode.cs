using static TorchSharp.torch;

namespace EcgXai.Explain.Graph;

/// <summary>Flattens each record to one axis, channel-major (index <c>c·L + t</c>), as PyTorch's <c>flatten(1)</c>.</summary>
public sealed class FlattenNode(string name, string input) : GraphNode(name, [input], null)
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.Flatten;

    /// <inheritdoc />
    public override long[] OutputShape(IReadOnlyList<long[]> inputShapes) =>
        inputShapes.Count == 1 ? [inputShapes[0].Aggregate(1L, (a, b) => a * b)] : throw Error($"expects 1 input, got {inputShapes.Count}");

    /// <inheritdoc />
    public override GraphNode Rebind(IReadOnlyList<string> inputs, Func<Tensor, Tensor> tensors) =>
        new FlattenNode(Name, inputs[0]);

    /// <inheritdoc />
    protected override Tensor Compute(IReadOnlyList<Tensor> inputs) => inputs[0].flatten(1);
}
