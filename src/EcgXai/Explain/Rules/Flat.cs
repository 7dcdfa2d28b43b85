using static TorchSharp.torch;

namespace EcgXai.Explain.Rules;

/// <summary>
/// Flat: <c>z = f(1; 1, 0)</c> (all-ones input and weights, no bias), <c>s = R / stab(z)</c>, <c>R_in = 1ᵀs</c>.
/// <c>z</c> is the same for every row, so it is computed once and broadcast.
/// </summary>
/// <param name="Eps">Stabiliser epsilon.</param>
public sealed record Flat(double Eps = Stabilizer.DefaultEpsilon) : IRule
{
    /// <inheritdoc />
    public Tensor Apply(LinearLayer layer, Tensor input, Tensor relevance)
    {
        using var scope = NewDisposeScope();
        Tensor w = ones_like(layer.Weight);
        Tensor s = Stabilizer.DivideConsuming(relevance, layer.Forward(ones_like(input.narrow(0, 0, 1)), w, null), Eps);
        return layer.InputGradient(s, w, input.shape[^1]).MoveToOuterDisposeScope();
    }
}
