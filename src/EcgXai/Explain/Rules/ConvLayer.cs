using static TorchSharp.torch;

namespace EcgXai.Explain.Rules;

/// <summary>
/// A 1-D convolution <c>(batch, cin, L) → (batch, cout, L')</c> with stride, padding, dilation and groups; its
/// <c>Wᵀs</c> is a transposed convolution. An average pool is the depthwise convolution with weights <c>1/k</c>.
/// </summary>
public sealed class ConvLayer : LinearLayer
{
    /// <summary>Wraps weights <c>(cout, cin/groups, k)</c> (owned) with stride, padding, dilation and groups.</summary>
    public ConvLayer(string name, Tensor weight, Tensor? bias, long stride, long padding, bool inputNonNegative, long dilation = 1, long groups = 1)
        : base(name, weight, bias, inputNonNegative)
    {
        Stride = stride;
        Padding = padding;
        Dilation = dilation;
        Groups = groups;
    }

    /// <summary>Convolution stride.</summary>
    public long Stride { get; }

    /// <summary>Zero padding on both sides.</summary>
    public long Padding { get; }

    /// <summary>Dilation.</summary>
    public long Dilation { get; }

    /// <summary>Groups (1, or the channel count for a depthwise average pool).</summary>
    public long Groups { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, Tensor weight, Tensor? bias) =>
        nn.functional.conv1d(input, weight, bias, stride: Stride, padding: Padding, dilation: Dilation, groups: Groups);

    /// <inheritdoc />
    /// <remarks>
    /// A stride-1 product whose output has the input's length runs as the convolution with the transposed, flipped
    /// kernel (same numbers): libtorch's CPU transposed convolution scatters through col2im, which profiled at about
    /// twice the cost of the convolution's im2col.
    /// </remarks>
    public override Tensor InputGradient(Tensor outputGradient, Tensor weight, long inputLength)
    {
        long k = weight.shape[2];
        if (RunsAsConvolution(outputGradient, k, inputLength))
        {
            using Tensor flipped = Flipped(weight);
            return nn.functional.conv1d(outputGradient, flipped, null, padding: k - 1 - Padding);
        }
        long produced = (outputGradient.shape[2] - 1) * Stride - 2 * Padding + Dilation * (k - 1) + 1;
        return nn.functional.conv_transpose1d(outputGradient, weight, stride: Stride, padding: Padding, output_padding: inputLength - produced,
            dilation: Dilation, groups: Groups);
    }

    /// <inheritdoc />
    /// <remarks>Where the product runs as a convolution, the flipped kernels are stacked: one convolution (one im2col of the gradient) for all.</remarks>
    public override Tensor[] InputGradients(Tensor outputGradient, IReadOnlyList<Tensor> weights, long inputLength)
    {
        long k = weights[0].shape[2];
        if (weights.Count == 1 || !RunsAsConvolution(outputGradient, k, inputLength))
        {
            return base.InputGradients(outputGradient, weights, inputLength);
        }
        using var scope = NewDisposeScope();
        Tensor all = nn.functional.conv1d(outputGradient, cat([.. weights.Select(Flipped)], 0), null, padding: k - 1 - Padding);
        long channels = weights[0].shape[1];
        return [.. weights.Select((_, i) => all.narrow(1, i * channels, channels).MoveToOuterDisposeScope())];
    }

    private bool RunsAsConvolution(Tensor outputGradient, long k, long inputLength) =>
        Stride == 1 && Groups == 1 && Dilation == 1 && Padding <= k - 1 && outputGradient.shape[2] + k - 1 - 2 * Padding == inputLength;

    private static Tensor Flipped(Tensor weight) => weight.transpose(0, 1).flip(2);
}
