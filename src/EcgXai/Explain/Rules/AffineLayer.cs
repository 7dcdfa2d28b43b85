using EcgXai.Explain.Graph;
using static TorchSharp.torch;

namespace EcgXai.Explain.Rules;

/// <summary>
/// A per-channel affine map <c>(batch, C, L) → (batch, C, L)</c>, <c>z = w_c x + b_c</c>: an eval-mode BatchNorm
/// with <c>w = γ/√(var+eps)</c> and <c>b = β − μ w</c>.
/// </summary>
public sealed class AffineLayer(string name, Tensor scale, Tensor? shift, bool inputNonNegative)
    : LinearLayer(name, scale, shift, inputNonNegative)
{
    /// <summary>The BatchNorm node <paramref name="bn"/> as an affine layer (new tensors).</summary>
    public static AffineLayer FromBatchNorm(BatchNorm1dNode bn, bool inputNonNegative)
    {
        using var scope = NewDisposeScope();
        (Tensor scale, Tensor shift) = bn.Affine();
        return new AffineLayer(bn.Name, scale.MoveToOuterDisposeScope(), shift.MoveToOuterDisposeScope(), inputNonNegative);
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input, Tensor weight, Tensor? bias)
    {
        Tensor z = input * weight.view(1, -1, 1);
        return bias is null ? z : z + bias.view(1, -1, 1);
    }

    /// <inheritdoc />
    public override Tensor InputGradient(Tensor outputGradient, Tensor weight, long inputLength) => outputGradient * weight.view(1, -1, 1);
}
