using TorchSharp;
using EcgXai.Explain.Graph;
using EcgXai.IO;
using EcgXai.Models;
using EcgXai.Tests.Models;
using EcgXai.Tests.Support;
using static TorchSharp.torch;

namespace EcgXai.Tests.Explain.Graph;

/// <summary>One loader for every verb that explains: an EcgXai checkpoint or an ONNX file, graph plus metadata.</summary>
public class ModelLoaderTests
{
    [Fact]
    public void ACheckpointLoadsAsItsModelsGraphWithTheConfigsMetadata()
    {
        using var dir = new TempDir();
        using var scope = NewDisposeScope();
        using (ResNet1d saved = TestModels.Random(TestModels.Tiny, 3))
        {
            Checkpoint.Save(saved, dir.File("tiny.safetensors"));
        }
        using LoadedModel loaded = ModelLoader.Load(dir.File("tiny.safetensors"), new ModelLoadOptions(CPU, SampleRate: 1));
        Assert.NotNull(loaded.Model);
        Assert.Equal(dir.File("tiny.safetensors"), loaded.Source);
        Assert.Equal("blocks.2.sum", loaded.Graph["blocks.2.sum"].Name);
        var (rate, leads, classes) = loaded.RequireDataMetadata();
        Assert.Equal(TestModels.Tiny.SampleRate, rate);
        Assert.Equal(TestModels.Tiny.LeadNames, leads);
        Assert.Equal(TestModels.Tiny.ClassNames, classes);
        Tensor x = randn([2, 12, 64], generator: new torch.Generator(2));
        using (no_grad())
        {
            Assert.True(loaded.Graph.Forward(x).allclose(loaded.Model!.forward(x)));
        }
    }

    [SkippableFact]
    public void AnOnnxFileLoadsThroughTheImporterAndRefusesDataWithoutMetadata()
    {
        string onnx = SharedData.Require("fixtures/lrp-graph/cnn-epsilon-plus-flat.onnx");
        using LoadedModel loaded = ModelLoader.Load(onnx, new ModelLoadOptions(CPU));
        Assert.Null(loaded.Model);
        Assert.Equal(ScalarType.Float64, loaded.Graph.DType);
        Assert.Equal("features.6", loaded.Graph["features.6"].Name);
        var error = Assert.Throws<EcgXaiException>(() => loaded.RequireDataMetadata());
        Assert.Equal(onnx, error.Path);
        Assert.Contains("sampling rate", error.Message);

        using LoadedModel described = ModelLoader.Load(onnx, new ModelLoadOptions(CPU, 500, EcgXai.Signals.LeadNames.Standard12, ["a", "b", "c", "d", "e", "f"]));
        Assert.Equal(500, described.RequireDataMetadata().SampleRate);
    }

    [Fact]
    public void AMissingModelIsNamed()
    {
        using var dir = new TempDir();
        var error = Assert.Throws<EcgXaiException>(() => ModelLoader.Load(dir.File("none.onnx")));
        Assert.Equal(dir.File("none.onnx"), error.Path);
        Assert.Contains("model not found", error.Message);
    }
}
