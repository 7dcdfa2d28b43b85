using static TorchSharp.torch;

namespace EcgXai.Explain.Graph;

/// <summary>
/// <c>MaxPool1d</c> over time of <c>(C, L)</c> with kernel, stride and symmetric padding (implicit −∞, floor mode), or
/// over the whole length (<see cref="Pool1dNode.Kernel"/> null: output <c>(C, 1)</c>, ONNX <c>GlobalMaxPool</c> /
/// <c>AdaptiveMaxPool1d(1)</c>).
/// </summary>
public sealed class MaxPool1dNode : Pool1dNode
{
    /// <summary>A max pool of <paramref name="input"/>; <paramref name="kernel"/> null pools the whole length.</summary>
    public MaxPool1dNode(string name, string input, long? kernel, long? stride = null, long padding = 0, nn.Module<Tensor, Tensor>? module = null)
        : base(name, input, kernel, stride, padding, module)
    {
    }

    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.MaxPool1d;

    /// <summary>The pooled output and the arg-max index (into the unpadded input) of every output position.</summary>
    public (Tensor Output, Tensor Indices) ForwardWithIndices(Tensor input)
    {
        (long k, long s) = Window(input.shape[2]);
        return nn.functional.max_pool1d_with_indices(input, k, s, Padding);
    }

    /// <inheritdoc />
    public override GraphNode Rebind(IReadOnlyList<string> inputs, Func<Tensor, Tensor> tensors) =>
        new MaxPool1dNode(Name, inputs[0], Kernel, Stride, Padding);

    /// <inheritdoc />
    protected override Tensor Compute(IReadOnlyList<Tensor> inputs)
    {
        (long k, long s) = Window(inputs[0].shape[2]);
        return nn.functional.max_pool1d(inputs[0], k, s, Padding);
    }
}
