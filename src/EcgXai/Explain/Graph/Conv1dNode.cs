using static TorchSharp.torch;

namespace EcgXai.Explain.Graph;

/// <summary>
/// <c>Conv1d</c> (groups 1): weight <c>(out, in, kernel)</c>, optional bias <c>(out)</c>, stride, symmetric zero padding
/// and dilation; <c>(C_in, L) → (C_out, L')</c>. Kernel, stride, padding and dilation give receptive fields.
/// </summary>
public sealed class Conv1dNode : GraphNode
{
    /// <summary>A convolution of <paramref name="input"/>; <paramref name="module"/> when it is a model's own layer.</summary>
    public Conv1dNode(string name, string input, Tensor weight, Tensor? bias, long stride = 1, long padding = 0, long dilation = 1,
        nn.Module<Tensor, Tensor>? module = null) : base(name, [input], module)
    {
        if (weight.dim() != 3)
        {
            throw Error($"weight must be (out, in, kernel), got [{string.Join(", ", weight.shape)}]");
        }
        if (bias is not null && (bias.dim() != 1 || bias.shape[0] != weight.shape[0]))
        {
            throw Error($"bias must be ({weight.shape[0]}), got [{string.Join(", ", bias.shape)}]");
        }
        if (stride < 1 || padding < 0 || dilation < 1)
        {
            throw Error($"needs stride >= 1, padding >= 0, dilation >= 1 (got {stride}, {padding}, {dilation})");
        }
        Weight = weight;
        Bias = bias;
        Stride = stride;
        Padding = padding;
        Dilation = dilation;
    }

    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.Conv1d;

    /// <summary>Weight <c>(out, in, kernel)</c>.</summary>
    public Tensor Weight { get; }

    /// <summary>Bias <c>(out)</c>, or null.</summary>
    public Tensor? Bias { get; }

    /// <summary>Stride.</summary>
    public long Stride { get; }

    /// <summary>Zero padding on each side.</summary>
    public long Padding { get; }

    /// <summary>Dilation.</summary>
    public long Dilation { get; }

    /// <summary>Kernel size.</summary>
    public long KernelSize => Weight.shape[2];

    /// <summary>Input channels.</summary>
    public long InChannels => Weight.shape[1];

    /// <summary>Output channels.</summary>
    public long OutChannels => Weight.shape[0];

    /// <inheritdoc />
    public override IEnumerable<Tensor> Tensors => Bias is null ? [Weight] : [Weight, Bias];

    /// <inheritdoc />
    public override long[] OutputShape(IReadOnlyList<long[]> inputShapes)
    {
        Expect(inputShapes, 1, 2);
        long[] s = inputShapes[0];
        if (s[0] != InChannels)
        {
            throw Error($"weight expects {InChannels} input channels, input '{Inputs[0]}' has {s[0]}");
        }
        long length = Shape.WindowOutput(s[1], KernelSize, Stride, Padding, Dilation);
        return length >= 1 ? [OutChannels, length] : throw Error($"input length {s[1]} is shorter than the kernel's span");
    }

    /// <inheritdoc />
    public override GraphNode Rebind(IReadOnlyList<string> inputs, Func<Tensor, Tensor> tensors) =>
        new Conv1dNode(Name, inputs[0], tensors(Weight), Bias is null ? null : tensors(Bias), Stride, Padding, Dilation);

    /// <inheritdoc />
    protected override Tensor Compute(IReadOnlyList<Tensor> inputs) =>
        nn.functional.conv1d(inputs[0], Weight, Bias, stride: Stride, padding: Padding, dilation: Dilation);
}
