using static TorchSharp.torch;

namespace EcgXai.Explain.Rules;

/// <summary>
/// An n-ary sum as a linear layer over its stacked inputs: input <c>(batch, n, …)</c>, <c>z = Σ_j w_j x_j</c> with
/// <c>w = 1</c> and no bias. Lets any rule act on a sum; <see cref="Norm"/> has a direct path that avoids stacking.
/// </summary>
public sealed class SumLayer(string name, int inputs, ScalarType dtype, Device device, bool inputNonNegative)
    : LinearLayer(name, ones(inputs, dtype: dtype, device: device), null, inputNonNegative)
{
    /// <inheritdoc />
    public override Tensor Forward(Tensor input, Tensor weight, Tensor? bias)
    {
        Tensor z = (input * Spread(weight, input.dim())).sum(1);
        return bias is null ? z : z + bias;
    }

    /// <inheritdoc />
    public override Tensor InputGradient(Tensor outputGradient, Tensor weight, long inputLength) =>
        outputGradient.unsqueeze(1) * Spread(weight, outputGradient.dim() + 1);

    private static Tensor Spread(Tensor weight, long rank) => weight.view([1, -1, .. Enumerable.Repeat(1L, (int)rank - 2)]);
}
