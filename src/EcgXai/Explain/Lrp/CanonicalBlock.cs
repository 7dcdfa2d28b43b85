using static TorchSharp.torch;

namespace EcgXai.Explain.Lrp;

/// <summary>
/// One residual unit of a <see cref="CanonicalResNet1d"/>: <c>conv1</c> with <c>bn1</c> folded in, <c>conv2</c>, the
/// optional skip MaxPool and 1x1 conv, the residual sum as a layer, and <c>bn2</c> as an affine layer (or, under
/// <see cref="Bn2Policy.Fold"/>, folded into both branches of the sum).
/// </summary>
public sealed class CanonicalBlock : IDisposable
{
    internal CanonicalBlock(int index, ConvLayer conv1, ConvLayer conv2, ConvLayer? skipConv, int poolSize, AffineLayer bn2, SumLayer sum,
        ConvLayer? foldedConv2, ConvLayer? foldedSkipConv)
    {
        Index = index;
        Conv1 = conv1;
        Conv2 = conv2;
        SkipConv = skipConv;
        PoolSize = poolSize;
        Bn2 = bn2;
        Sum = sum;
        FoldedConv2 = foldedConv2;
        FoldedSkipConv = foldedSkipConv;
    }

    /// <summary>Unit index.</summary>
    public int Index { get; }

    /// <summary>First main-path conv with bn1 folded in (gains a bias).</summary>
    public ConvLayer Conv1 { get; }

    /// <summary>Second (strided) main-path conv.</summary>
    public ConvLayer Conv2 { get; }

    /// <summary>1x1 conv of the skip path, or null.</summary>
    public ConvLayer? SkipConv { get; }

    /// <summary>MaxPool size (= stride) of the skip path; 1 when there is none.</summary>
    public int PoolSize { get; }

    /// <summary>bn2 as the affine layer <c>w x + b</c>.</summary>
    public AffineLayer Bn2 { get; }

    /// <summary>The residual sum <c>conv2 output + skip</c>.</summary>
    public SumLayer Sum { get; }

    /// <summary>Under <see cref="Bn2Policy.Fold"/>: conv2 with weights scaled by bn2's <c>w</c> and bias <c>b</c>; else null.</summary>
    public ConvLayer? FoldedConv2 { get; }

    /// <summary>Under <see cref="Bn2Policy.Fold"/>: the skip conv with weights scaled by bn2's <c>w</c>; else null.</summary>
    public ConvLayer? FoldedSkipConv { get; }

    /// <summary>Recorded layer name of the residual sum (before bn2).</summary>
    public string SumName => $"blocks.{Index}.sum";

    /// <summary>Recorded layer name of the unit output (after bn2 and ReLU).</summary>
    public string OutName => $"blocks.{Index}.out";

    /// <summary>The skip branch of <paramref name="skipInput"/>: pooled (with argmax indices, or null) and after the 1x1 conv.</summary>
    internal (Tensor? Pooled, Tensor? Indices, Tensor Skip) SkipForward(Tensor skipInput)
    {
        Tensor? pooled = null, indices = null;
        Tensor skip = skipInput;
        if (PoolSize > 1)
        {
            (pooled, indices) = nn.functional.max_pool1d_with_indices(skipInput, PoolSize, PoolSize);
            skip = pooled;
        }
        return (pooled, indices, SkipConv is null ? skip : SkipConv.Forward(skip));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (LinearLayer? layer in new LinearLayer?[] { Conv1, Conv2, SkipConv, Bn2, Sum, FoldedConv2, FoldedSkipConv })
        {
            layer?.Dispose();
        }
    }
}
