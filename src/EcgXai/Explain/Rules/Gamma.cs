using static TorchSharp.torch;

namespace EcgXai.Explain.Rules;

/// <summary>
/// zennit 0.4.6 Gamma: <c>W' = W + γW⁺</c>, <c>b' = b + γb⁺</c>, <c>z = f(x; W', b')</c>, <c>s = R / stab(z)</c>,
/// <c>R_in = x ⊙ W'ᵀs</c> (plain input, no sign split); the re-forward may come from the attribution's forward
/// (<see cref="IStackableRule"/>).
/// </summary>
/// <param name="GammaFactor">γ, the weight given to positive parameters.</param>
/// <param name="Eps">Stabiliser epsilon.</param>
public sealed record Gamma(double GammaFactor = 0.25, double Eps = Stabilizer.DefaultEpsilon) : IStackableRule
{
    /// <inheritdoc />
    public Tensor Apply(LinearLayer layer, Tensor input, Tensor relevance)
    {
        using var scope = NewDisposeScope();
        var (w, b) = Parameters(layer);
        return Apply(layer, input, relevance, layer.Forward(input, w, b), w).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public (Tensor Weight, Tensor? Bias)? ReForwardParameters(LinearLayer layer) => Parameters(layer);

    /// <inheritdoc />
    public Tensor Apply(LinearLayer layer, Tensor input, Tensor relevance, Tensor reForward)
    {
        using var scope = NewDisposeScope();
        return Apply(layer, input, relevance, reForward, Parameters(layer).Weight).MoveToOuterDisposeScope();
    }

    private (Tensor Weight, Tensor? Bias) Parameters(LinearLayer layer) =>
        (layer.Weight.add(layer.PositiveWeight, GammaFactor), layer.Bias?.add(layer.PositiveBias!, GammaFactor));

    private Tensor Apply(LinearLayer layer, Tensor input, Tensor relevance, Tensor z, Tensor w)
    {
        Tensor s = Stabilizer.DivideConsuming(relevance, z, Eps);
        return input.mul(layer.InputGradient(s, w, input.shape[^1]));
    }
}
