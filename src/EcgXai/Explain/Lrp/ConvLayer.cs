using static TorchSharp.torch;

namespace EcgXai.Explain.Lrp;

/// <summary>A 1-D convolution <c>(batch, cin, L) → (batch, cout, L')</c>; its <c>Wᵀs</c> is a transposed convolution.</summary>
public sealed class ConvLayer : LinearLayer
{
    /// <summary>Wraps weights <c>(cout, cin, k)</c> (owned) with stride and padding.</summary>
    public ConvLayer(string name, LayerKind kind, Tensor weight, Tensor? bias, long stride, long padding, bool inputNonNegative)
        : base(name, kind, weight, bias, inputNonNegative)
    {
        Stride = stride;
        Padding = padding;
    }

    /// <summary>Convolution stride.</summary>
    public long Stride { get; }

    /// <summary>Zero padding on both sides.</summary>
    public long Padding { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, Tensor weight, Tensor? bias) =>
        nn.functional.conv1d(input, weight, bias, stride: Stride, padding: Padding);

    /// <inheritdoc />
    public override Tensor InputGradient(Tensor outputGradient, Tensor weight, long inputLength)
    {
        long k = weight.shape[2];
        long produced = (outputGradient.shape[2] - 1) * Stride - 2 * Padding + k;
        return nn.functional.conv_transpose1d(outputGradient, weight, stride: Stride, padding: Padding, output_padding: inputLength - produced);
    }
}
