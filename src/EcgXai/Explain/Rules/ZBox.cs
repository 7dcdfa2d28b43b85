using static TorchSharp.torch;

namespace EcgXai.Explain.Rules;

/// <summary>
/// ZBox (bounded input, for the first layer): <c>d = f(x; W, b) − f(l; W⁺, b⁺) − f(h; W⁻, b⁻)</c>, <c>s = R / stab(d)</c>,
/// <c>R_in = x ⊙ Wᵀs − l ⊙ W⁺ᵀs − h ⊙ W⁻ᵀs</c>, with scalar bounds broadcast to the input's shape.
/// </summary>
/// <param name="Low">Lower input bound l.</param>
/// <param name="High">Upper input bound h.</param>
/// <param name="Eps">Stabiliser epsilon.</param>
public sealed record ZBox(double Low, double High, double Eps = Stabilizer.DefaultEpsilon) : IRule
{
    /// <inheritdoc />
    public Tensor Apply(LinearLayer layer, Tensor input, Tensor relevance)
    {
        using var scope = NewDisposeScope();
        long length = input.shape[^1];
        Tensor low = full_like(input, Low), high = full_like(input, High);
        Tensor d = layer.Forward(input)
            .sub_(layer.Forward(low, layer.PositiveWeight, layer.PositiveBias))
            .sub_(layer.Forward(high, layer.NegativeWeight, layer.NegativeBias));
        Tensor s = Stabilizer.DivideConsuming(relevance, d, Eps);
        Tensor r = input.mul(layer.InputGradient(s, layer.Weight, length))
            .sub_(low.mul(layer.InputGradient(s, layer.PositiveWeight, length)))
            .sub_(high.mul(layer.InputGradient(s, layer.NegativeWeight, length)));
        return r.MoveToOuterDisposeScope();
    }
}
