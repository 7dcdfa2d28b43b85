using static TorchSharp.torch;

namespace EcgXai.Explain.Graph;

/// <summary>
/// <c>AvgPool1d</c> over time of <c>(C, L)</c> with kernel, stride and symmetric zero padding (floor mode, padding
/// counted in the average as PyTorch does by default), or global (<see cref="Pool1dNode.Kernel"/> null: the mean over
/// the whole length, output <c>(C, 1)</c>, ONNX <c>GlobalAveragePool</c> / <c>AdaptiveAvgPool1d(1)</c>). Linear in its input.
/// </summary>
public sealed class AvgPool1dNode : Pool1dNode
{
    /// <summary>An average pool of <paramref name="input"/>; <paramref name="kernel"/> null averages the whole length.</summary>
    public AvgPool1dNode(string name, string input, long? kernel, long? stride = null, long padding = 0, nn.Module<Tensor, Tensor>? module = null)
        : base(name, input, kernel, stride, padding, module)
    {
    }

    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.AvgPool1d;

    /// <inheritdoc />
    public override GraphNode Rebind(IReadOnlyList<string> inputs, Func<Tensor, Tensor> tensors) =>
        new AvgPool1dNode(Name, inputs[0], Kernel, Stride, Padding);

    /// <inheritdoc />
    protected override Tensor Compute(IReadOnlyList<Tensor> inputs)
    {
        if (Kernel is null)
        {
            return inputs[0].mean([2], keepdim: true);
        }
        (long k, long s) = Window(inputs[0].shape[2]);
        return nn.functional.avg_pool1d(inputs[0], k, s, Padding);
    }
}
