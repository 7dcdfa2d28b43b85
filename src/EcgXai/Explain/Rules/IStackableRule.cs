using static TorchSharp.torch;

namespace EcgXai.Explain.Rules;

/// <summary>
/// A rule whose only re-forward on a layer is the layer with other parameters, <c>z' = f(x; W', b')</c>: the attribution's
/// forward can compute <c>z'</c> in the same convolution as the layer's own output, with <c>[W; W']</c> stacked along the
/// output channels (one im2col of the input instead of two), and hand it to <see cref="Apply(LinearLayer, Tensor, Tensor, Tensor)"/>.
/// </summary>
public interface IStackableRule : IRule
{
    /// <summary>
    /// The re-forward's parameters <c>(W', b')</c> on <paramref name="layer"/> (<c>b'</c> null when the layer has no bias), or
    /// null when the rule needs more than this one re-forward there (e.g. signed inputs). The caller never disposes them
    /// directly (they may be the layer's own); tensors made for the call belong to the caller's dispose scope.
    /// </summary>
    (Tensor Weight, Tensor? Bias)? ReForwardParameters(LinearLayer layer);

    /// <summary>
    /// <see cref="IRule.Apply"/> with the re-forward <paramref name="reForward"/> <c>= f(input; W', b')</c> already computed;
    /// the rule may overwrite <paramref name="reForward"/>. Same numbers as <see cref="IRule.Apply"/>.
    /// </summary>
    Tensor Apply(LinearLayer layer, Tensor input, Tensor relevance, Tensor reForward);
}
