using static TorchSharp.torch;

namespace EcgXai.Explain.Graph;

/// <summary>Identity: a Dropout in eval mode (bound to the model's Dropout <see cref="GraphNode.Module"/> for training) or a no-op.</summary>
public sealed class IdentityNode(string name, string input, nn.Module<Tensor, Tensor>? module = null) : GraphNode(name, [input], module)
{
    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.Identity;

    /// <inheritdoc />
    public override long[] OutputShape(IReadOnlyList<long[]> inputShapes) =>
        inputShapes.Count == 1 ? inputShapes[0] : throw Error($"expects 1 input, got {inputShapes.Count}");

    /// <inheritdoc />
    public override GraphNode Rebind(IReadOnlyList<string> inputs, Func<Tensor, Tensor> tensors) =>
        new IdentityNode(Name, inputs[0]);

    /// <inheritdoc />
    protected override Tensor Compute(IReadOnlyList<Tensor> inputs) => inputs[0].alias();
}
