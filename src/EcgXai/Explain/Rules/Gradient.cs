using static TorchSharp.torch;

namespace EcgXai.Explain.Rules;

/// <summary>No rule: the plain gradient <c>R_in = Wᵀ R</c> (zennit 0.4.6's treatment of a layer without a rule, e.g. <c>bn2</c>).</summary>
public sealed record Gradient : IRule
{
    /// <inheritdoc />
    public Tensor Apply(LinearLayer layer, Tensor input, Tensor relevance) => layer.InputGradient(relevance, layer.Weight, input.shape[^1]);
}
