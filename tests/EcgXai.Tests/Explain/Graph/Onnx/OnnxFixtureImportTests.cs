using TorchSharp;
using System.Text.Json.Nodes;
using EcgXai.Explain.Graph;
using EcgXai.Explain.Graph.Onnx;
using EcgXai.IO;
using EcgXai.Models;
using EcgXai.Tests.Support;
using Onnx;
using static TorchSharp.torch;

namespace EcgXai.Tests.Explain.Graph.Onnx;

/// <summary>The shared ONNX files import: the lrp-graph fixtures in float64, the Ribeiro teacher in float32 with fused sums.</summary>
public class OnnxFixtureImportTests
{
    private static double RelativeError(Tensor actual, Tensor expected) =>
        (actual.to(ScalarType.Float64) - expected.to(ScalarType.Float64)).abs().max().item<double>()
        / Math.Max(1e-30, expected.abs().max().to(ScalarType.Float64).item<double>());

    [SkippableTheory]
    [InlineData("cnn-epsilon-plus-flat")]
    [InlineData("xresnet-epsilon-plus-flat")]
    [InlineData("xresnet-crp-branch")]
    public void LrpGraphFixtureImportsInFloat64AndGivesTheReferenceLogits(string name)
    {
        string manifestPath = SharedData.Require($"fixtures/lrp-graph/{name}.json");
        JsonObject manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!.AsObject();
        string onnx = Path.Combine(Path.GetDirectoryName(manifestPath)!, manifest["model"]!["onnx"]!.GetValue<string>());
        var (tensors, _) = SafeTensors.Read(Path.ChangeExtension(manifestPath, ".safetensors"));
        using var scope = NewDisposeScope();
        using ModelGraph graph = OnnxImporter.Import(onnx);

        Assert.Equal(ScalarType.Float64, graph.DType);
        Assert.All(graph.Nodes.SelectMany(n => n.Tensors), t => Assert.Equal(ScalarType.Float64, t.dtype));
        foreach (var (layer, exported) in manifest["model"]!["onnx_nodes"]!.AsObject())
        {
            Assert.Equal(layer, OnnxNodeNames.ModulePath(exported!["node"]!.GetValue<string>()));
            Assert.Equal(NodeKind.Relu, graph[layer].Kind);
        }
        Assert.Equal(name.StartsWith("cnn", StringComparison.Ordinal) ? 0 : 3, graph.Nodes.Count(n => n.Kind == NodeKind.Add));
        Assert.Equal(new long[] { 12, 512 }, graph.InputShape);
        using Tensor logits = graph.Forward(tensors["ref.x"]);
        double error = RelativeError(logits, tensors["ref.logits"]);
        Assert.True(error < 1e-12, $"logits error {error}");
        foreach (Tensor t in tensors.Values)
        {
            t.Dispose();
        }
    }

    [SkippableTheory]
    [InlineData("cnn-epsilon-plus-flat")]
    [InlineData("xresnet-crp-branch")]
    public void LrpGraphOnnxInitializersAreTheSafetensorsWeightsInFloat64(string name)
    {
        string onnx = SharedData.Require($"fixtures/lrp-graph/{name}.onnx");
        var (tensors, _) = SafeTensors.Read(Path.ChangeExtension(onnx, ".safetensors"));
        using var scope = NewDisposeScope();
        var initializers = ModelProto.Parser.ParseFrom(File.ReadAllBytes(onnx)).Graph.Initializer
            .ToDictionary(i => i.Name, i => OnnxTensors.ToTensor(i, onnx));
        string[] weights = tensors.Keys.Where(k => !k.StartsWith("ref.", StringComparison.Ordinal) && !k.EndsWith("num_batches_tracked", StringComparison.Ordinal)).Order().ToArray();
        Assert.Equal(weights, initializers.Keys.Order());
        Assert.All(weights, w =>
        {
            Assert.Equal(ScalarType.Float64, initializers[w].dtype);
            Assert.True(initializers[w].allclose(tensors[w], rtol: 0, atol: 0), w);
        });
    }

    [SkippableFact]
    public void RibeiroTeacherImportsWithFusedSumsAndMatchesOnnxRuntime()
    {
        string onnx = SharedData.Require("fixtures/onnx-teacher/resnet1d-reference.onnx");
        using var scope = NewDisposeScope();
        using ModelGraph graph = OnnxImporter.Import(onnx);

        Assert.Equal(ScalarType.Float32, graph.DType);
        for (int i = 0; i < 5; i++)
        {
            GraphNode sum = graph[$"blocks.{i}.sum"];
            Assert.Equal(NodeKind.Add, sum.Kind);
            Assert.Equal(2, sum.Inputs.Count);
            Assert.Equal($"blocks.{i}.conv2", sum.Inputs[0]);
            Assert.Equal($"blocks.{i}.bn2", graph.ConsumersOf(sum.Name)[0]);
        }
        Assert.Equal("conv1", graph["blocks.0.sum"].Inputs[1]);
        Assert.Equal("blocks.1.skip_connection.1", graph["blocks.1.sum"].Inputs[1]);
        Assert.Equal(NodeKind.MaxPool1d, graph["blocks.1.skip_connection.0"].Kind);
        Assert.DoesNotContain(graph.Nodes, n => n.Name.Contains("Unsqueeze", StringComparison.Ordinal) || n.Kind == NodeKind.Concat);
        Assert.Equal(NodeKind.Linear, graph["lin"].Kind);
        Assert.Equal("lin", graph.Output);

        using var teacher = new OnnxTeacher(onnx, new TeacherOptions(TeacherOutput.Probabilities));
        var generator = new torch.Generator(5);
        Tensor x = randn([3, 12, 1024], generator: generator);
        Tensor mine = graph.Forward(x);
        Tensor runtime = teacher.Predict(x);
        double error = RelativeError(mine, runtime);
        Assert.True(error < 1e-5, $"graph vs ONNX Runtime: relative error {error}");
    }
}
