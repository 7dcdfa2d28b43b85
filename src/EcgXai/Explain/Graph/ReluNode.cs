using static TorchSharp.torch;

namespace EcgXai.Explain.Graph;

/// <summary>Rectifier <c>max(x, 0)</c>, any shape. Its output is provably non-negative.</summary>
public sealed class ReluNode(string name, string input) : GraphNode(name, [input], null)
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.Relu;

    /// <inheritdoc />
    public override long[] OutputShape(IReadOnlyList<long[]> inputShapes) =>
        inputShapes.Count == 1 ? inputShapes[0] : throw Error($"expects 1 input, got {inputShapes.Count}");

    /// <inheritdoc />
    public override GraphNode Rebind(IReadOnlyList<string> inputs, Func<Tensor, Tensor> tensors) =>
        new ReluNode(Name, inputs[0]);

    /// <inheritdoc />
    protected override Tensor Compute(IReadOnlyList<Tensor> inputs) => nn.functional.relu(inputs[0]);
}
