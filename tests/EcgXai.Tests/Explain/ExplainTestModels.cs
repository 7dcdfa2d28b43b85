using EcgXai.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EcgXai.Tests.Explain;

/// <summary>Small random ResNet1d instances for explainer tests (identity skip, pool-only skip, pool + 1x1 conv skip).</summary>
internal static class ExplainTestModels
{
    public static ResNet1dConfig Config { get; } = ResNet1dConfig.Compact with { Filters = [4, 4, 6], Lengths = [32, 8, 4], KernelSize = 5 };

    /// <summary>A seeded model in <paramref name="dtype"/>, eval mode, with random BatchNorm statistics and affine parameters.</summary>
    public static ResNet1d Create(int seed, ScalarType dtype = ScalarType.Float64, ResNet1dConfig? config = null)
    {
        torch.manual_seed(seed);
        var model = new ResNet1d(config ?? Config);
        using (no_grad())
        {
            foreach (BatchNorm1d bn in model.modules().OfType<BatchNorm1d>())
            {
                bn.running_mean!.copy_(randn_like(bn.running_mean) * 0.2);
                bn.running_var!.copy_(rand_like(bn.running_var) + 0.5);
                bn.weight!.copy_(rand_like(bn.weight) + 0.5);
                bn.bias!.copy_(randn_like(bn.bias) * 0.2);
            }
        }
        model.to(dtype);
        model.eval();
        return model;
    }

    /// <summary>Sets every BatchNorm to <c>w x + 0</c> with the given per-BN scale function of the channel count.</summary>
    public static void SetBatchNorms(ResNet1d model, Func<BatchNorm1d, Tensor> gamma, bool unitScale)
    {
        using var _ = no_grad();
        foreach (BatchNorm1d bn in model.modules().OfType<BatchNorm1d>())
        {
            bn.running_mean!.zero_();
            bn.bias!.zero_();
            bn.running_var!.fill_(1.0);
            bn.weight!.copy_(unitScale ? full_like(bn.weight, Math.Sqrt(1 + bn.eps)) : gamma(bn));
        }
    }

    public static Tensor Input(int seed, int records, ScalarType dtype = ScalarType.Float64, ResNet1dConfig? config = null)
    {
        var c = config ?? Config;
        torch.manual_seed(seed);
        return randn(records, c.LeadCount, c.InputLength, dtype: dtype);
    }

    /// <summary>The activation of node <paramref name="node"/> of <paramref name="model"/>'s graph for <paramref name="x"/>.</summary>
    public static Tensor Activation(ResNet1d model, Tensor x, string node)
    {
        using var graph = model.ToGraph();
        using var _ = no_grad();
        return graph.Evaluate(x, [node])[node];
    }

    public static double MaxRelativeDifference(Tensor a, Tensor b)
    {
        using var scope = NewDisposeScope();
        double scale = b.abs().max().item<double>();
        return (a - b).abs().max().item<double>() / Math.Max(scale, 1e-300);
    }
}
