using System.Text.Json;
using EcgXai.IO;
using EcgXai.Models;
using EcgXai.Tests.Support;
using static TorchSharp.torch;

namespace EcgXai.Tests.Models;

public class CheckpointTests
{
    private static readonly CheckpointInfo Info = new()
    {
        DataSpecs = ["ptbxl:/data/ptb-xl@train"],
        Thresholds = new Dictionary<string, double> { ["AF"] = 0.375, ["RBBB"] = 0.5 },
        ThresholdData = "ptbxl:/data/ptb-xl@val",
        Epoch = 7,
        Seed = 42,
        Teacher = "teacher.onnx",
        ValidationMacroAuroc = double.NaN,
    };

    private static void AssertSameWeights(ResNet1d expected, ResNet1d actual)
    {
        var a = expected.state_dict();
        var b = actual.state_dict();
        Assert.Equal(a.Keys.Order(), b.Keys.Order());
        foreach (var (name, tensor) in a)
        {
            Assert.True(Identical(tensor, b[name]), $"{name} differs");
        }
    }

    private static bool Identical(Tensor a, Tensor b) =>
        a.shape.SequenceEqual(b.shape) && a.dtype == b.dtype && a.cpu().eq(b.cpu()).all().item<bool>();

    [Fact]
    public void SafeTensorsAndPyTorchRoundTripsAreExact()
    {
        using var dir = new TempDir();
        using var original = TestModels.Random(TestModels.Tiny, 1);
        Checkpoint.Save(original, dir.File("a.safetensors"), Info);
        var (fromSafe, info) = Checkpoint.Load(dir.File("a.safetensors"), CPU);
        using (fromSafe)
        {
            AssertSameWeights(original, fromSafe);
            Assert.Equal(JsonSerializer.Serialize(Info, Checkpoint.JsonOptions), JsonSerializer.Serialize(info, Checkpoint.JsonOptions));
            Assert.Equal(JsonSerializer.Serialize(original.Config), JsonSerializer.Serialize(fromSafe.Config));
            Assert.False(fromSafe.training);

            Checkpoint.Save(fromSafe, dir.File("b.pt"));
        }
        var (fromPt, _) = Checkpoint.Load(dir.File("b.pt"), CPU);
        using (fromPt)
        {
            AssertSameWeights(original, fromPt);
            Checkpoint.Save(fromPt, dir.File("c.safetensors"), Info);
        }
        Assert.Equal(File.ReadAllBytes(dir.File("a.safetensors")), File.ReadAllBytes(dir.File("c.safetensors")));
        using var x = randn(3, 12, 64);
        var (again, _) = Checkpoint.Load(dir.File("c.safetensors"), CPU);
        using (again)
        using (no_grad())
        {
            Assert.True(Identical(original.forward(x), again.forward(x)));
        }
    }

    [Fact]
    public void ConfigJsonIsWrittenBeside()
    {
        using var dir = new TempDir();
        using var model = TestModels.Random(TestModels.Tiny, 2);
        Checkpoint.Save(model, dir.File("m.safetensors"));
        var config = JsonSerializer.Deserialize<ResNet1dConfig>(File.ReadAllText(dir.File("config.json")))!;
        Assert.Equal(TestModels.Tiny.Filters, config.Filters);
        Assert.Equal(TestModels.Tiny.Lengths, config.Lengths);
        Assert.Equal("tiny-test", config.Preset);
        Assert.Equal(64, JsonDocument.Parse(File.ReadAllText(dir.File("config.json"))).RootElement.GetProperty("input_length").GetInt32());
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
    }

    [SkippableFact]
    public void FixtureWeightsInFloat32ReproduceReferenceLogits()
    {
        string path = SharedData.Require("fixtures/lrp-reference/epsilon-plus-flat.safetensors");
        var (tensors, _) = SafeTensors.Read(path);
        using var model = new ResNet1d(TestModels.Fixture);
        Checkpoint.LoadStateDict(model, tensors.Where(p => !p.Key.StartsWith("ref.", StringComparison.Ordinal)).ToDictionary(), path);
        model.eval();
        using var _ = no_grad();
        using var logits = model.forward(tensors["ref.x"].to(ScalarType.Float32));
        double err = (logits.to(ScalarType.Float64) - tensors["ref.logits"]).abs().max().item<double>();
        Assert.True(err < 1e-5, $"max abs error {err}");
    }

    [Fact]
    public void MissingNumBatchesTrackedIsTolerated()
    {
        using var dir = new TempDir();
        using var model = TestModels.Random(TestModels.Tiny, 3);
        var state = model.state_dict().Where(p => !p.Key.EndsWith("num_batches_tracked", StringComparison.Ordinal)).ToDictionary();
        SafeTensors.Write(dir.File("m.safetensors"), state, new Dictionary<string, string> { [Checkpoint.ConfigKey] = JsonSerializer.Serialize(model.Config) });
        var (loaded, info) = Checkpoint.Load(dir.File("m.safetensors"), CPU);
        using (loaded)
        {
            Assert.Empty(info.DataSpecs);
            Assert.True(Identical(loaded.lin.weight!, model.lin.weight!));
        }
    }

    public static TheoryData<string, string> BadWeights => new()
    {
        { "missing", "1 missing tensors: lin.bias" },
        { "extra", "1 unexpected tensors: lin.extra" },
        { "shape", "1 mis-shaped tensors: conv1.weight [4, 12, 3] (model expects [4, 12, 5])" },
    };

    [Theory]
    [MemberData(nameof(BadWeights))]
    public void MismatchedTensorsAreNamed(string kind, string expected)
    {
        using var dir = new TempDir();
        using var model = TestModels.Random(TestModels.Tiny, 4);
        var state = model.state_dict();
        switch (kind)
        {
            case "missing": state.Remove("lin.bias"); break;
            case "extra": state["lin.extra"] = zeros(2); break;
            default: state["conv1.weight"] = zeros(4, 12, 3); break;
        }
        string path = dir.File("m.safetensors");
        SafeTensors.Write(path, state, new Dictionary<string, string> { [Checkpoint.ConfigKey] = JsonSerializer.Serialize(model.Config) });
        var e = Assert.Throws<EcgXaiException>(() => Checkpoint.Load(path, CPU));
        Assert.Equal(path, e.Path);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void BadFilesGiveClearErrors()
    {
        using var dir = new TempDir();
        string missing = dir.File("nope.safetensors");
        Assert.Contains("nope.safetensors: checkpoint not found", Assert.Throws<EcgXaiException>(() => Checkpoint.Load(missing)).Message);

        using var model = TestModels.Random(TestModels.Tiny, 5);
        string noMeta = dir.File("nometa.safetensors");
        SafeTensors.Write(noMeta, model.state_dict());
        Assert.Contains("ecgxai.config", Assert.Throws<EcgXaiException>(() => Checkpoint.Load(noMeta)).Message);

        string badMeta = dir.File("badmeta.safetensors");
        SafeTensors.Write(badMeta, model.state_dict(), new Dictionary<string, string> { [Checkpoint.ConfigKey] = "{\"filters\": [4" });
        Assert.Contains("not valid ResNet1dConfig JSON", Assert.Throws<EcgXaiException>(() => Checkpoint.Load(badMeta)).Message);

        string badConfig = dir.File("badconfig.safetensors");
        string json = JsonSerializer.Serialize(model.Config with { KernelSize = 4 });
        SafeTensors.Write(badConfig, model.state_dict(), new Dictionary<string, string> { [Checkpoint.ConfigKey] = json });
        Assert.Contains("kernel size must be odd", Assert.Throws<EcgXaiException>(() => Checkpoint.Load(badConfig)).Message);

        string garbagePt = dir.File("garbage.pt");
        File.WriteAllText(garbagePt, "not a zip");
        File.WriteAllText(dir.File("config.json"), JsonSerializer.Serialize(model.Config));
        var e = Assert.Throws<EcgXaiException>(() => Checkpoint.Load(garbagePt));
        Assert.Equal(garbagePt, e.Path);
        Assert.Contains("not a readable PyTorch state_dict", e.Message);
    }

    [Fact]
    public void PyTorchStateDictWithoutConfigIsRefused()
    {
        using var dir = new TempDir();
        using var model = TestModels.Random(TestModels.Tiny, 6);
        Checkpoint.Save(model, dir.File("m.pth"));
        File.Delete(dir.File("config.json"));
        var e = Assert.Throws<EcgXaiException>(() => Checkpoint.Load(dir.File("m.pth")));
        Assert.Contains("config.json", e.Message);
    }
}
