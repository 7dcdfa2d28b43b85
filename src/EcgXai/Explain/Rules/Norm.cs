using static TorchSharp.torch;

namespace EcgXai.Explain.Rules;

/// <summary>
/// zennit's Norm rule for a sum of stacked branches (the residual sum): <c>s = R / stab(Σ x_j)</c>, <c>R_j = x_j ⊙ s</c>;
/// on an average pool <c>s = R / stab(avgpool(x))</c>, <c>R_in = x ⊙ Jᵀs</c> (on any layer: <c>R_in = x ⊙ Wᵀ(R / stab(f(x)))</c> with unmodified parameters).
/// </summary>
/// <param name="Eps">Stabiliser epsilon.</param>
public sealed record Norm(double Eps = Stabilizer.DefaultEpsilon) : IRule
{
    /// <inheritdoc />
    public Tensor Apply(LinearLayer layer, Tensor input, Tensor relevance) => new Epsilon(Eps).Apply(layer, input, relevance);

    /// <summary>The rule on a sum <paramref name="sum"/> = Σ <paramref name="branches"/> without stacking them: <c>R_j = x_j ⊙ s</c>.</summary>
    public Tensor[] ApplyToSum(IReadOnlyList<Tensor> branches, Tensor sum, Tensor relevance)
    {
        using var scope = NewDisposeScope();
        Tensor s = Stabilizer.Divide(relevance, sum, Eps);
        return branches.Select(b => b.mul(s).MoveToOuterDisposeScope()).ToArray();
    }
}
