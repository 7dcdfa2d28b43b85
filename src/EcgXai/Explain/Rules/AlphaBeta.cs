using static TorchSharp.torch;

namespace EcgXai.Explain.Rules;

/// <summary>
/// zennit 0.4.6 AlphaBeta: <c>s_a = R / stab(f(x⁺; W⁺, b⁺) + f(x⁻; W⁻, 0))</c>,
/// <c>s_b = R / stab(f(x⁺; W⁻, b⁻) + f(x⁻; W⁺, 0))</c>,
/// <c>R_in = α (x⁺ ⊙ W⁺ᵀs_a + x⁻ ⊙ W⁻ᵀs_a) − β (x⁺ ⊙ W⁻ᵀs_b + x⁻ ⊙ W⁺ᵀs_b)</c>, with <c>α − β = 1</c>, both ≥ 0.
/// </summary>
public sealed record AlphaBeta : IRule
{
    /// <summary>Checks <c>α, β ≥ 0</c> and <c>α − β = 1</c> (as zennit does).</summary>
    public AlphaBeta(double alpha = 2, double beta = 1, double eps = Stabilizer.DefaultEpsilon)
    {
        if (alpha < 0 || beta < 0 || Math.Abs(alpha - beta - 1) > 1e-12)
        {
            throw new ArgumentException($"AlphaBeta needs alpha, beta >= 0 with alpha - beta = 1, got alpha {alpha}, beta {beta}");
        }
        Alpha = alpha;
        Beta = beta;
        Eps = eps;
    }

    /// <summary>Weight of the positive contributions.</summary>
    public double Alpha { get; }

    /// <summary>Weight of the negative contributions.</summary>
    public double Beta { get; }

    /// <summary>Stabiliser epsilon.</summary>
    public double Eps { get; }

    /// <inheritdoc />
    public Tensor Apply(LinearLayer layer, Tensor input, Tensor relevance)
    {
        using var scope = NewDisposeScope();
        long length = input.shape[^1];
        Tensor wp = layer.PositiveWeight, wn = layer.NegativeWeight;
        if (layer.InputNonNegative)
        {
            Tensor sa = Stabilizer.DivideNonNegativeConsuming(relevance, layer.Forward(input, wp, layer.PositiveBias), Eps);
            Tensor sb = Stabilizer.DivideConsuming(relevance, layer.Forward(input, wn, layer.NegativeBias), Eps);
            Tensor g = layer.InputGradient(sa, wp, length).mul_(Alpha).sub_(layer.InputGradient(sb, wn, length).mul_(Beta));
            return input.mul(g).MoveToOuterDisposeScope();
        }
        Tensor xp = input.clamp_min(0), xn = input.clamp_max(0);
        Tensor za = layer.Forward(xp, wp, layer.PositiveBias).add_(layer.Forward(xn, wn, null));
        Tensor zb = layer.Forward(xp, wn, layer.NegativeBias).add_(layer.Forward(xn, wp, null));
        Tensor sA = Stabilizer.DivideConsuming(relevance, za, Eps), sB = Stabilizer.DivideConsuming(relevance, zb, Eps);
        Tensor positive = xp.mul(layer.InputGradient(sA, wp, length)).add_(xn.mul(layer.InputGradient(sA, wn, length)));
        Tensor negative = xp.mul(layer.InputGradient(sB, wn, length)).add_(xn.mul(layer.InputGradient(sB, wp, length)));
        return positive.mul_(Alpha).sub_(negative.mul_(Beta)).MoveToOuterDisposeScope();
    }
}
