using static TorchSharp.torch;

namespace EcgXai.Explain.Rules;

/// <summary>
/// zennit 0.4.6 ZPlus with signed inputs: <c>z = f(x⁺; W⁺, b⁺) + f(x⁻; W⁻, 0)</c>, <c>s = R / stab(z)</c>,
/// <c>R_in = x⁺ ⊙ W⁺ᵀs + x⁻ ⊙ W⁻ᵀs</c>. On a layer whose input follows a ReLU the <c>x⁻</c> terms vanish and are skipped:
/// one re-forward <c>f(x; W⁺, b⁺)</c> (which the attribution's forward may compute, <see cref="IStackableRule"/>) and one
/// transposed product.
/// </summary>
/// <param name="Eps">Stabiliser epsilon.</param>
public sealed record ZPlus(double Eps = Stabilizer.DefaultEpsilon) : IStackableRule
{
    /// <inheritdoc />
    public Tensor Apply(LinearLayer layer, Tensor input, Tensor relevance)
    {
        using var scope = NewDisposeScope();
        if (layer.InputNonNegative)
        {
            return Apply(layer, input, relevance, layer.Forward(input, layer.PositiveWeight, layer.PositiveBias)).MoveToOuterDisposeScope();
        }
        long length = input.shape[^1];
        Tensor positive = input.clamp_min(0), negative = input.clamp_max(0);
        Tensor z = layer.Forward(positive, layer.PositiveWeight, layer.PositiveBias).add_(layer.Forward(negative, layer.NegativeWeight, null));
        Tensor sa = Stabilizer.DivideConsuming(relevance, z, Eps);
        Tensor[] g = layer.InputGradients(sa, [layer.PositiveWeight, layer.NegativeWeight], length);
        return g[0].mul_(positive).add_(g[1].mul_(negative)).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    /// <remarks>Only on a provably non-negative input, where <c>z = f(x; W⁺, b⁺)</c>.</remarks>
    public (Tensor Weight, Tensor? Bias)? ReForwardParameters(LinearLayer layer) =>
        layer.InputNonNegative ? (layer.PositiveWeight, layer.PositiveBias) : null;

    /// <inheritdoc />
    public Tensor Apply(LinearLayer layer, Tensor input, Tensor relevance, Tensor reForward)
    {
        if (!layer.InputNonNegative)
        {
            throw new ArgumentException($"ZPlus takes a precomputed re-forward only on a non-negative input ('{layer.Name}' is signed)");
        }
        using var scope = NewDisposeScope();
        Tensor s = Stabilizer.DivideNonNegativeConsuming(relevance, reForward, Eps);
        return layer.InputGradient(s, layer.PositiveWeight, input.shape[^1]).mul_(input).MoveToOuterDisposeScope();
    }
}
