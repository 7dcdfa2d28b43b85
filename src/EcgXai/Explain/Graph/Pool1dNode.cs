using static TorchSharp.torch;

namespace EcgXai.Explain.Graph;

/// <summary>
/// A pooling window over time of <c>(C, L)</c>: kernel, stride and symmetric padding (floor mode), or the whole length
/// (<see cref="Kernel"/> null: output <c>(C, 1)</c>). The shape rules shared by <see cref="MaxPool1dNode"/> and
/// <see cref="AvgPool1dNode"/>.
/// </summary>
public abstract class Pool1dNode : GraphNode
{
    /// <summary>A pool of <paramref name="input"/>; <paramref name="kernel"/> null pools the whole length.</summary>
    protected Pool1dNode(string name, string input, long? kernel, long? stride, long padding, nn.Module<Tensor, Tensor>? module)
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

    /// <summary>Window length, or null for the whole input length.</summary>
    public long? Kernel { get; }

    /// <summary>Stride (the kernel when not given; null for a whole-length window).</summary>
    public long? Stride { get; }

    /// <summary>Padding on each side.</summary>
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
}
