using static TorchSharp.torch;

namespace EcgXai.Explain.Lrp;

/// <summary>
/// A per-channel affine map <c>(batch, C, L) → (batch, C, L)</c>, <c>z = w_c x + b_c</c>: an eval-mode BatchNorm
/// with <c>w = γ/√(var+eps)</c> and <c>b = β − μ w</c>.
/// </summary>
public sealed class AffineLayer(string name, Tensor scale, Tensor? shift, bool inputNonNegative)
    : LinearLayer(name, LayerKind.BatchNorm, scale, shift, inputNonNegative)
{
    /// <summary>The eval-mode BatchNorm <paramref name="bn"/> as an affine layer (copies of its statistics).</summary>
    public static AffineLayer FromBatchNorm(string name, TorchSharp.Modules.BatchNorm1d bn)
    {
        using var scope = NewDisposeScope();
        (Tensor scale, Tensor shift) = BatchNormAffine(bn);
        return new AffineLayer(name, scale.MoveToOuterDisposeScope(), shift.MoveToOuterDisposeScope(), inputNonNegative: false);
    }

    /// <summary>The per-channel scale <c>γ/√(var+eps)</c> and shift <c>β − μ·scale</c> of an eval-mode BatchNorm.</summary>
    public static (Tensor Scale, Tensor Shift) BatchNormAffine(TorchSharp.Modules.BatchNorm1d bn)
    {
        using var _ = no_grad();
        Tensor var = bn.running_var ?? throw new ArgumentException($"BatchNorm {bn.GetName()} has no running statistics");
        Tensor mean = bn.running_mean!;
        Tensor scale = (var + bn.eps).rsqrt();
        if (bn.weight is not null)
        {
            scale = scale * bn.weight;
        }
        Tensor shift = -mean * scale;
        if (bn.bias is not null)
        {
            shift = shift + bn.bias;
        }
        return (scale.detach(), shift.detach());
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
