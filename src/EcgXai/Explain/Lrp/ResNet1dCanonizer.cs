using EcgXai.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EcgXai.Explain.Lrp;

/// <summary>
/// Turns a trained <see cref="ResNet1d"/> into its explainable <see cref="CanonicalResNet1d"/>: folds every <c>bn1</c> into
/// the conv before it (<c>w' = w·γ/√(var+eps)</c>, <c>b' = (b − μ)·γ/√(var+eps) + β</c>), makes each residual sum a layer,
/// and treats <c>bn2</c> by a <see cref="Bn2Policy"/>. Works on copies in the model's dtype and device.
/// </summary>
public static class ResNet1dCanonizer
{
    /// <summary>The canonical view of <paramref name="model"/> (eval-mode statistics) under <paramref name="policy"/>.</summary>
    public static CanonicalResNet1d Canonize(ResNet1d model, Bn2Policy policy)
    {
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        ConvLayer stem = Folded("conv1", LayerKind.InputConv, model.conv1, model.bn1, inputNonNegative: false);
        var blocks = new List<CanonicalBlock>();
        for (int i = 0; i < model.blocks.Count; i++)
        {
            ResidualUnit unit = model.blocks[i];
            string prefix = $"blocks.{i}.";
            ConvLayer conv1 = Folded(prefix + "conv1", LayerKind.Conv, unit.conv1, unit.bn1, inputNonNegative: i > 0);
            ConvLayer conv2 = Copy(prefix + "conv2", unit.conv2, inputNonNegative: true);
            string skipName = prefix + $"skip_connection.{(unit.SkipPool ? 1 : 0)}";
            ConvLayer? skip = unit.SkipConv is { } s ? Copy(skipName, s, inputNonNegative: false) : null;
            AffineLayer bn2 = AffineLayer.FromBatchNorm(prefix + "bn2", unit.bn2);
            ConvLayer? foldedConv2 = null, foldedSkip = null;
            if (policy == Bn2Policy.Fold)
            {
                Tensor w = bn2.Weight.view(-1, 1, 1);
                foldedConv2 = new ConvLayer(conv2.Name, LayerKind.Conv, conv2.Weight * w, bn2.Bias!.clone(), conv2.Stride, conv2.Padding, inputNonNegative: true);
                foldedSkip = skip is null ? null : new ConvLayer(skip.Name, LayerKind.Conv, skip.Weight * w, null, skip.Stride, skip.Padding, inputNonNegative: false);
            }
            var sum = new SumLayer(prefix + "sum", conv2.Weight.dtype, conv2.Weight.device);
            blocks.Add(new CanonicalBlock(i, conv1, conv2, skip, unit.Downsample, bn2, sum, foldedConv2, foldedSkip));
        }
        var head = new DenseLayer("lin", model.lin.weight!.detach().clone(), model.lin.bias?.detach().clone());
        return new CanonicalResNet1d(model.Config, policy, stem, blocks, head);
    }

    private static ConvLayer Copy(string name, Conv1d conv, bool inputNonNegative) =>
        new(name, LayerKind.Conv, conv.weight!.detach().clone(), conv.bias?.detach().clone(), conv.stride[0], conv.padding![0], inputNonNegative);

    private static ConvLayer Folded(string name, LayerKind kind, Conv1d conv, BatchNorm1d bn, bool inputNonNegative)
    {
        (Tensor scale, Tensor shift) = AffineLayer.BatchNormAffine(bn);
        Tensor weight = conv.weight!.detach() * scale.view(-1, 1, 1);
        Tensor bias = conv.bias is null ? shift : conv.bias.detach() * scale + shift;
        return new ConvLayer(name, kind, weight, bias, conv.stride[0], conv.padding![0], inputNonNegative);
    }
}
