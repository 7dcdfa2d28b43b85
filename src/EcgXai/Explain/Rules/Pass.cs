using static TorchSharp.torch;

namespace EcgXai.Explain.Rules;

/// <summary>Pass: relevance goes through unchanged (<c>R_in = R</c>); the layer's input must have the output's shape.</summary>
public sealed record Pass : IRule
{
    /// <inheritdoc />
    public Tensor Apply(LinearLayer layer, Tensor input, Tensor relevance)
    {
        if (!input.shape.Skip(1).SequenceEqual(relevance.shape.Skip(1)))
        {
            throw new ArgumentException($"Pass on {layer.Name} needs equal input and output shapes, got [{string.Join(", ", input.shape)}] and [{string.Join(", ", relevance.shape)}]");
        }
        return relevance.alias();
    }
}
