using static TorchSharp.torch;

namespace EcgXai.Explain.Graph;

/// <summary>
/// <c>AvgPool1d</c> over time of <c>(C, L)</c> with kernel, stride and symmetric zero padding (floor mode, padding
/// counted in the average as PyTorch does by default), or global (<see cref="Kernel"/> null: the mean over the whole
/// length, output <c>(C, 1)</c>, ONNX <c>GlobalAveragePool</c> / <c>AdaptiveAvgPool1d(1)</c>). Linear in its input.
/// </summary>
public sealed class AvgPool1dNode : GraphNode
{
    /// <summary>An average pool of <paramref name="input"/>; <paramref name="kernel"/> null averages the whole length.</summary>
    public AvgPool1dNode(string name, string input, long? kernel, long? stride = null, long padding = 0, nn.Module<Tensor, Tensor>? module = null)
        : base(name, [input], module)
    {
        if (kernel < 1 || stride < 1 || padding < 0 || (kernel is { } k && 2 * padding > k))
        {
            throw Error($"invalid kernel {kernel}, stride {stride}, padding {padding}");
        }
        Kernel = kernel;
        Stride = stride ?? kernel;
        Padding = padding;
    }

    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.AvgPool1d;

    /// <summary>Window length, or null for the whole input length.</summary>
    public long? Kernel { get; }

    /// <summary>Stride (the kernel when not given; null when global).</summary>
    public long? Stride { get; }

    /// <summary>Zero padding on each side.</summary>
    public long Padding { get; }

    /// <summary>The window and stride for an input of <paramref name="length"/> samples.</summary>
    public (long Kernel, long Stride) Window(long length) => (Kernel ?? length, Stride ?? length);

    /// <inheritdoc />
    public override long[] OutputShape(IReadOnlyList<long[]> inputShapes)
    {
        Expect(inputShapes, 1, 2);
        (long k, long s) = Window(inputShapes[0][1]);
        long length = Shape.WindowOutput(inputShapes[0][1], k, s, Padding);
        return length >= 1 ? [inputShapes[0][0], length] : throw Error($"input length {inputShapes[0][1]} is shorter than the window {k}");
    }

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
