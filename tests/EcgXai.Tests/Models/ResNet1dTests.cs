using EcgXai.Models;
using static TorchSharp.torch;

namespace EcgXai.Tests.Models;

public class ResNet1dTests
{
    [Fact]
    public void RibeiroPresetHasThePublishedParameterCountAndLastLayer()
    {
        using var model = new ResNet1d(ResNet1dConfig.Ribeiro);
        Assert.Equal(6_950_310, model.ParameterCount);
        Assert.Equal(5120, model.Config.LastLayerNodes);
    }

    [Fact]
    public void CompactPresetLastLayerIs5120Nodes()
    {
        using var model = new ResNet1d(ResNet1dConfig.Compact);
        Assert.Equal(5120, model.Config.LastLayerNodes);
        model.eval();
        using var x = randn(2, 12, 1024);
        using var y = model.forward(x);
        Assert.Equal(new long[] { 2, 6 }, y.shape);
    }

    [Fact]
    public void StateDictNamesMatchThePyTorchPort()
    {
        var config = ResNet1dConfig.Compact with { Filters = [16, 24, 32, 48, 64], Lengths = [1024, 256, 64, 16, 4] };
        using var model = new ResNet1d(config);
        var names = model.state_dict().Keys.ToHashSet();
        Assert.Contains("conv1.weight", names);
        Assert.Contains("bn1.running_var", names);
        Assert.Contains("blocks.0.conv2.weight", names);
        Assert.Contains("blocks.1.skip_connection.1.weight", names);
        Assert.Contains("blocks.4.bn2.running_mean", names);
        Assert.Contains("lin.bias", names);
        Assert.DoesNotContain("blocks.0.skip_connection.0.weight", names);
    }

    [Fact]
    public void LengthsThatDoNotDivideAreRefused()
    {
        var config = ResNet1dConfig.Compact with { Lengths = [1024, 300, 100, 50, 25] };
        var e = Assert.Throws<ArgumentException>(() => new ResNet1d(config));
        Assert.Contains("not a multiple", e.Message);
    }
}
