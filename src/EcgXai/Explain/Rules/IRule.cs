using static TorchSharp.torch;

namespace EcgXai.Explain.Rules;

/// <summary>
/// An LRP rule: maps the relevance at a linear layer's output to the relevance at its input, given the layer and its
/// input. Rows of <c>relevance</c> may outnumber rows of <c>input</c> when the input has one row (it broadcasts), so
/// several relevance rows of one record share a single re-forward.
/// </summary>
public interface IRule
{
    /// <summary>Relevance at the input of <paramref name="layer"/>, shaped like <paramref name="input"/> with the rows of <paramref name="relevance"/>.</summary>
    Tensor Apply(LinearLayer layer, Tensor input, Tensor relevance);
}
