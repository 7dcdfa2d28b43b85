namespace EcgXai.Explain.Lrp;

/// <summary>What a linear layer of the canonical view is, so a <see cref="Composite"/> can choose its rule.</summary>
public enum LayerKind
{
    /// <summary>The first convolution (the stem), which sees the raw input.</summary>
    InputConv,

    /// <summary>Any other convolution (residual-unit convs and skip 1x1 convs).</summary>
    Conv,

    /// <summary>The dense classifier head.</summary>
    Dense,

    /// <summary>A BatchNorm kept as a per-channel affine layer (<c>bn2</c> after the residual sum).</summary>
    BatchNorm,

    /// <summary>The residual sum of two stacked branches.</summary>
    Sum,
}
