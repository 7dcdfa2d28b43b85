namespace EcgXai.Explain.Canonizers;

/// <summary>
/// How the canonizer treats <c>bn2</c>, the BatchNorm after each residual sum (whose raw value also feeds the next
/// skip path, so it cannot be folded into <c>conv2</c> alone).
/// </summary>
public enum Bn2Policy
{
    /// <summary>No rule: relevance times <c>γ/√(var+eps)</c> per channel (zennit 0.4.6, zennit-crp, the reference fixtures).</summary>
    Gradient,

    /// <summary>Relevance passes unchanged (zennit 1.0 maps BatchNorm to Pass).</summary>
    Pass,

    /// <summary>BatchNorm as an affine layer <c>w x + b</c> with the Epsilon rule (the composite's epsilon).</summary>
    Epsilon,

    /// <summary>
    /// Folded into both branches of the sum: <c>bn2(main + skip) = (w·main + b) + w·skip</c>, so <c>conv2</c> and the skip
    /// 1x1 conv get weights scaled by <c>w</c> (and <c>conv2</c> the bias <c>b</c>); relevance from the unit's output is split
    /// by the sum rule over the folded branches, relevance from the next skip path over the raw ones.
    /// </summary>
    Fold,
}
