using static TorchSharp.torch;

namespace EcgXai.Explain.Rules;

/// <summary>LRP-ε: <c>z = f(x; W, b)</c>, <c>s = R / stab(z)</c>, <c>R_in = x ⊙ Wᵀs</c>.</summary>
/// <param name="Eps">Stabiliser epsilon.</param>
public sealed record Epsilon(double Eps = Stabilizer.DefaultEpsilon) : IRule
{
    /// <inheritdoc />
    public Tensor Apply(LinearLayer layer, Tensor input, Tensor relevance)
    {
        using var scope = NewDisposeScope();
        Tensor s = Stabilizer.DivideConsuming(relevance, layer.Forward(input), Eps);
        return layer.InputGradient(s, layer.Weight, input.shape[^1]).mul_(input).MoveToOuterDisposeScope();
    }
}
