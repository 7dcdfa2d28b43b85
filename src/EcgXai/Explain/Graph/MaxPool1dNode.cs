using static TorchSharp.torch;

namespace EcgXai.Explain.Graph;

/// <summary>
/// <c>MaxPool1d</c> over time of <c>(C, L)</c> with kernel, stride and symmetric padding (floor mode), or over the whole
/// length (<see cref="Kernel"/> null: output <c>(C, 1)</c>, ONNX <c>GlobalMaxPool</c> / <c>AdaptiveMaxPool1d(1)</c>).
/// </summary>
public sealed class MaxPool1dNode : GraphNode
{
    /// <summary>A max pool of <paramref name="input"/>; <paramref name="kernel"/> null pools the whole length.</summary>
    public MaxPool1dNode(string name, string input, long? kernel, long? stride = null, long padding = 0, nn.Module<Tensor, Tensor>? module = null)
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
    public override NodeKind Kind => NodeKind.MaxPool1d;

    /// <summary>Window length, or null for the whole input length.</summary>
    public long? Kernel { get; }

    /// <summary>Stride (the kernel when not given; null for a whole-length window).</summary>
    public long? Stride { get; }

    /// <summary>Padding on each side (implicit −∞).</summary>
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
