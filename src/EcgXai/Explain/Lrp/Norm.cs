using static TorchSharp.torch;

namespace EcgXai.Explain.Lrp;

/// <summary>
/// zennit's Norm rule for the residual sum of stacked branches: <c>s = R / stab(a + c)</c>, <c>R_a = a ⊙ s</c>,
/// <c>R_c = c ⊙ s</c> (on any layer: <c>R_in = x ⊙ Wᵀ(R / stab(f(x)))</c> with unmodified parameters).
/// </summary>
/// <param name="Eps">Stabiliser epsilon.</param>
public sealed record Norm(double Eps = Stabilizer.DefaultEpsilon) : IRule
{
    /// <inheritdoc />
    public Tensor Apply(LinearLayer layer, Tensor input, Tensor relevance) => new Epsilon(Eps).Apply(layer, input, relevance);

    /// <summary>The rule on a two-branch sum <paramref name="sum"/> = <paramref name="a"/> + <paramref name="c"/> without stacking the branches.</summary>
    public (Tensor A, Tensor C) ApplyToSum(Tensor a, Tensor c, Tensor sum, Tensor relevance)
    {
        using var scope = NewDisposeScope();
        Tensor s = Stabilizer.Divide(relevance, sum, Eps);
        return (a.mul(s).MoveToOuterDisposeScope(), c.mul(s).MoveToOuterDisposeScope());
    }
}
