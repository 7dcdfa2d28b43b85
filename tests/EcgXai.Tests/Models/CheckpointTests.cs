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
    public void EachCheckpointWritesItsOwnConfigurationBeside()
    {
        using var dir = new TempDir();
        using var model = TestModels.Random(TestModels.Tiny, 2);
        Checkpoint.Save(model, dir.File("m.safetensors"));
        string written = dir.File("m.config.json");
        Assert.Equal(written, Checkpoint.ConfigPathOf(dir.File("m.safetensors")));
        var config = JsonSerializer.Deserialize<ResNet1dConfig>(File.ReadAllText(written))!;
        Assert.Equal(TestModels.Tiny.Filters, config.Filters);
        Assert.Equal(TestModels.Tiny.Lengths, config.Lengths);
        Assert.Equal("tiny-test", config.Preset);
        Assert.Equal(64, JsonDocument.Parse(File.ReadAllText(written)).RootElement.GetProperty("input_length").GetInt32());
        Assert.False(File.Exists(dir.File("config.json")));
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
    }

    [Fact]
    public void TwoPyTorchModelsInOneFolderKeepTheirOwnConfigurations()
    {
        using var dir = new TempDir();
        using var small = TestModels.Random(TestModels.Tiny, 7);
        using var wide = TestModels.Random(TestModels.Tiny with { Filters = [6, 10, 12], ClassNames = ["AF", "SB", "ST", "RBBB"] }, 8);
        Checkpoint.Save(small, dir.File("small.pt"));
        Checkpoint.Save(wide, dir.File("wide.pt"));

        var (a, _) = Checkpoint.Load(dir.File("small.pt"), CPU);
        var (b, _) = Checkpoint.Load(dir.File("wide.pt"), CPU);
        using (a)
        using (b)
        {
            Assert.Equal(JsonSerializer.Serialize(small.Config), JsonSerializer.Serialize(a.Config));
            Assert.Equal(JsonSerializer.Serialize(wide.Config), JsonSerializer.Serialize(b.Config));
            AssertSameWeights(small, a);
            AssertSameWeights(wide, b);
        }
        Checkpoint.Delete(dir.File("small.pt"));
        Assert.Equal(["wide.config.json", "wide.pt"], Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AnOlderFolderWithOneConfigJsonStillLoads()
    {
        using var dir = new TempDir();
        using var model = TestModels.Random(TestModels.Tiny, 9);
        Checkpoint.Save(model, dir.File("m.pt"));
        File.Move(dir.File("m.config.json"), dir.File("config.json"));
        Assert.Equal(dir.File("config.json"), Checkpoint.ConfigBeside(dir.File("m.pt")));
        var (loaded, _) = Checkpoint.Load(dir.File("m.pt"), CPU);
        using (loaded)
        {
            AssertSameWeights(model, loaded);
        }
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
        File.Delete(dir.File("m.config.json"));
        var e = Assert.Throws<EcgXaiException>(() => Checkpoint.Load(dir.File("m.pth")));
        Assert.Contains("m.config.json", e.Message);
        Assert.Contains(dir.File("config.json"), e.Message);
    }
}
