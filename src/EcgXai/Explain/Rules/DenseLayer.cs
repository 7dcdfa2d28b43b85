using static TorchSharp.torch;

namespace EcgXai.Explain.Rules;

/// <summary>A dense layer <c>(batch, in) → (batch, out)</c>, <c>z = x Wᵀ + b</c>.</summary>
public sealed class DenseLayer(string name, Tensor weight, Tensor? bias, bool inputNonNegative)
    : LinearLayer(name, weight, bias, inputNonNegative)
{
    /// <inheritdoc />
    public override Tensor Forward(Tensor input, Tensor weight, Tensor? bias) => nn.functional.linear(input, weight, bias);

    /// <inheritdoc />
    public override Tensor InputGradient(Tensor outputGradient, Tensor weight, long inputLength) => outputGradient.matmul(weight);
}
