using static TorchSharp.torch;

namespace EcgXai.Explain.Lrp;

/// <summary>
/// The residual sum as a linear layer over its stacked branches: input <c>(batch, 2, C, L)</c> (main, skip),
/// <c>z = Σ_j w_j x_j</c> with <c>w = (1, 1)</c> and no bias. Lets any rule act on the sum; <see cref="Norm"/> has a
/// direct path that avoids stacking.
/// </summary>
public sealed class SumLayer(string name, ScalarType dtype, Device device)
    : LinearLayer(name, LayerKind.Sum, ones(2, dtype: dtype, device: device), null, inputNonNegative: false)
{
    /// <inheritdoc />
    public override Tensor Forward(Tensor input, Tensor weight, Tensor? bias)
    {
        Tensor z = (input * weight.view(1, -1, 1, 1)).sum(1);
        return bias is null ? z : z + bias;
    }

    /// <inheritdoc />
    public override Tensor InputGradient(Tensor outputGradient, Tensor weight, long inputLength) =>
        outputGradient.unsqueeze(1) * weight.view(1, -1, 1, 1);
}
