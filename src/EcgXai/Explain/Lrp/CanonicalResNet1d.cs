using EcgXai.Models;
using static TorchSharp.torch;

namespace EcgXai.Explain.Lrp;

/// <summary>
/// The explainable view of a <see cref="ResNet1d"/> made by <see cref="ResNet1dCanonizer"/>: copies of its parameters
/// with BatchNorms folded where the policy says so, the residual sums as layers, and the head. Its forward equals the
/// model's eval-mode forward; the model itself is never modified.
/// </summary>
public sealed class CanonicalResNet1d : IDisposable
{
    internal CanonicalResNet1d(ResNet1dConfig config, Bn2Policy policy, ConvLayer stem, IReadOnlyList<CanonicalBlock> blocks, DenseLayer head)
    {
        Config = config;
        Policy = policy;
        Stem = stem;
        Blocks = blocks;
        Head = head;
    }

    /// <summary>Configuration of the source model.</summary>
    public ResNet1dConfig Config { get; }

    /// <summary>How bn2 is treated.</summary>
    public Bn2Policy Policy { get; }

    /// <summary>The stem conv with its bn1 folded in.</summary>
    public ConvLayer Stem { get; }

    /// <summary>The residual units.</summary>
    public IReadOnlyList<CanonicalBlock> Blocks { get; }

    /// <summary>The classifier head.</summary>
    public DenseLayer Head { get; }

    /// <summary>Every linear layer of the view with its name.</summary>
    public IEnumerable<LinearLayer> Layers => new LinearLayer?[] { Stem, Head }
        .Concat(Blocks.SelectMany(b => new LinearLayer?[] { b.Conv1, b.Conv2, b.SkipConv, b.Bn2, b.Sum, b.FoldedConv2, b.FoldedSkipConv }))
        .OfType<LinearLayer>();

    /// <summary>Logits of <paramref name="input"/> (same as the model's eval forward), computed through the view.</summary>
    public Tensor Forward(Tensor input)
    {
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        Tensor x = Stem.Forward(input), y = x;
        foreach (CanonicalBlock block in Blocks)
        {
            Tensor main = block.Conv2.Forward(block.Conv1.Forward(x).relu_());
            Tensor sum = main.add_(block.SkipForward(y).Skip);
            x = block.Bn2.Forward(sum).relu_();
            y = sum;
        }
        return Head.Forward(x.flatten(1)).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Stem.Dispose();
        Head.Dispose();
        foreach (CanonicalBlock block in Blocks)
        {
            block.Dispose();
        }
    }
}
