using static TorchSharp.torch;

namespace EcgXai.Explain.Rules;

/// <summary>
/// zennit 0.4.6 Gamma: <c>W' = W + γW⁺</c>, <c>b' = b + γb⁺</c>, <c>z = f(x; W', b')</c>, <c>s = R / stab(z)</c>,
/// <c>R_in = x ⊙ W'ᵀs</c> (plain input, no sign split).
/// </summary>
/// <param name="GammaFactor">γ, the weight given to positive parameters.</param>
/// <param name="Eps">Stabiliser epsilon.</param>
public sealed record Gamma(double GammaFactor = 0.25, double Eps = Stabilizer.DefaultEpsilon) : IRule
{
    /// <inheritdoc />
    public Tensor Apply(LinearLayer layer, Tensor input, Tensor relevance)
    {
        using var scope = NewDisposeScope();
        Tensor w = layer.Weight.add(layer.PositiveWeight, GammaFactor);
        Tensor? b = layer.Bias?.add(layer.PositiveBias!, GammaFactor);
        Tensor s = Stabilizer.DivideConsuming(relevance, layer.Forward(input, w, b), Eps);
        return input.mul(layer.InputGradient(s, w, input.shape[^1])).MoveToOuterDisposeScope();
    }
}
