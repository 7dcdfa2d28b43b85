using EcgXai.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EcgXai.Tests.Models;

/// <summary>Small models with every parameter and BatchNorm statistic random, so weight copies cannot pass by accident.</summary>
internal static class TestModels
{
    /// <summary>A 3-unit model on 12 x 64 input with 6 classes.</summary>
    public static ResNet1dConfig Tiny { get; } = ResNet1dConfig.Compact with { Filters = [4, 6, 8], Lengths = [64, 16, 4], KernelSize = 5, Preset = "tiny-test" };

    /// <summary>The model of the lrp-reference fixtures.</summary>
    public static ResNet1dConfig Fixture { get; } = ResNet1dConfig.Compact with { Filters = [16, 24, 32, 48, 64], Lengths = [1024, 256, 64, 16, 4] };

    /// <summary>A model of <paramref name="config"/> with random weights and BatchNorm statistics, in eval mode.</summary>
    public static ResNet1d Random(ResNet1dConfig config, int seed)
    {
        manual_seed(seed);
        var model = new ResNet1d(config);
        using (no_grad())
        {
            foreach (var bn in model.modules().OfType<BatchNorm1d>())
            {
                bn.weight!.uniform_(0.5, 1.5);
                bn.bias!.normal_(0, 0.1);
                bn.running_mean!.normal_(0, 0.1);
                bn.running_var!.uniform_(0.5, 2);
            }
        }
        model.eval();
        return model;
    }
}
