using EcgXai.IO;
using EcgXai.Models;
using EcgXai.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace EcgXai.Tests.Models;

public class FixtureLogitsTests
{
    [SkippableFact]
    public void FixtureWeightsReproduceReferenceLogitsInFloat64()
    {
        string path = SharedData.Require("fixtures/lrp-reference/epsilon-plus-flat.safetensors");
        var (tensors, _) = SafeTensors.Read(path);
        var config = ResNet1dConfig.Compact with { Filters = [16, 24, 32, 48, 64], Lengths = [1024, 256, 64, 16, 4] };
        using var model = new ResNet1d(config);
        model.to(ScalarType.Float64);
        var weights = tensors.Where(p => !p.Key.StartsWith("ref.", StringComparison.Ordinal)).ToDictionary(p => p.Key, p => p.Value);
        model.load_state_dict(weights, strict: false);
        model.eval();
        using var _ = no_grad();
        using var logits = model.forward(tensors["ref.x"]);
        double err = (logits - tensors["ref.logits"]).abs().max().item<double>();
        Assert.True(err < 1e-9, $"max abs error {err}");
    }
}
