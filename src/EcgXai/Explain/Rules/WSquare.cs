using static TorchSharp.torch;

namespace EcgXai.Explain.Rules;

/// <summary>WSquare: <c>z = f(1; W², b²)</c> (one row, broadcast), <c>s = R / stab(z)</c>, <c>R_in = (W²)ᵀs</c>.</summary>
/// <param name="Eps">Stabiliser epsilon.</param>
public sealed record WSquare(double Eps = Stabilizer.DefaultEpsilon) : IRule
{
    /// <inheritdoc />
    public Tensor Apply(LinearLayer layer, Tensor input, Tensor relevance)
    {
        using var scope = NewDisposeScope();
        Tensor w = layer.Weight.square();
        Tensor s = Stabilizer.DivideConsuming(relevance, layer.Forward(ones_like(input.narrow(0, 0, 1)), w, layer.Bias?.square()), Eps);
        return layer.InputGradient(s, w, input.shape[^1]).MoveToOuterDisposeScope();
    }
}
