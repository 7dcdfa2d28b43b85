using TorchSharp;
using EcgXai.Explain.Graph;
using EcgXai.Explain.Graph.Onnx;
using EcgXai.IO;
using EcgXai.Models;
using EcgXai.Tests.Support;
using static EcgXai.Tests.Explain.Graph.Onnx.OnnxModelBuilder;
using static TorchSharp.torch;
using DataType = Onnx.TensorProto.Types.DataType;

namespace EcgXai.Tests.Explain.Graph.Onnx;

/// <summary>The ONNX importer on small hand-built models: every supported op against ONNX Runtime, names, dtypes, refusals.</summary>
public class OnnxImporterTests
{
    [Theory]
    [InlineData("/blocks.1/idconv/Conv", "blocks.1.idconv")]
    [InlineData("/features/features.2/Relu", "features.2")]
    [InlineData("/blocks.1/skip_connection/skip_connection.0/MaxPool", "blocks.1.skip_connection.0")]
    [InlineData("/blocks.0/sum/ReduceSum", "blocks.0.sum")]
    [InlineData("/lin/Gemm", "lin")]
    [InlineData("/Flatten", null)]
    [InlineData("Constant_9", null)]
    public void ModulePathJoinsTheExporterScopes(string node, string? expected) =>
        Assert.Equal(expected, OnnxNodeNames.ModulePath(node));

    [Theory]
    [InlineData("/blocks.0/Add", "blocks.0.Add")]
    [InlineData("/Flatten", "Flatten")]
    [InlineData("Gemm_3", "Gemm_3")]
    public void QualifiedNameAddsTheOpPart(string node, string expected) =>
        Assert.Equal(expected, OnnxNodeNames.Qualified(node));

    /// <summary>
    /// A model using every supported op: two conv branches (padding, stride 2 / dilation 2) with BatchNorm, summed by
    /// Add, a zennit stacked sum and Sum; concatenated; average and max pools; global pools concatenated, Reshape to
    /// (batch, -1) through the exporter's shape arithmetic (Shape, Gather, Unsqueeze, Concat); MatMul + Add, Dropout,
    /// Reshape to a constant (-1, 5), Flatten, Gemm with transB 0, alpha and beta.
    /// </summary>
    private static OnnxModelBuilder EveryOp(DataType type)
    {
        var b = new OnnxModelBuilder([0, 3, 32], type);
        string a = b.Node("Conv", "/stem/Conv", [b.Input, b.Weight("stem.weight", [4, 3, 5]), b.Weight("stem.bias", [4])],
            Ints("kernel_shape", 5), Ints("pads", 2, 2), Ints("strides", 1), Ints("dilations", 1), Int("group", 1));
        a = b.Node("BatchNormalization", "/bn/BatchNormalization",
            [a, b.Weight("bn.weight", [4]), b.Weight("bn.bias", [4]), b.Weight("bn.running_mean", [4]), b.Weight("bn.running_var", [4], positive: true)],
            Float("epsilon", 1e-3f));
        a = b.Node("Relu", "/relu/Relu", [a]);
        string left = b.Node("Conv", "/block/left/Conv", [a, b.Weight("block.left.weight", [4, 4, 3])], Ints("pads", 1, 1), Ints("strides", 2));
        string right = b.Node("Conv", "/block/right/Conv", [a, b.Weight("block.right.weight", [4, 4, 3])], Ints("pads", 2, 2), Ints("strides", 2), Ints("dilations", 2));
        string added = b.Node("Add", "/block/add/Add", [left, right]);
        string u1 = b.Node("Unsqueeze", "/block/Unsqueeze", [added, b.Constant("/block/Constant", -1)]);
        string u2 = b.Node("Unsqueeze", "/block/Unsqueeze_1", [left, b.Constant("/block/Constant_1", 3)]);
        string stacked = b.Node("Concat", "/block/Concat", [u1, u2], Int("axis", -1));
        string sum = b.Node("ReduceSum", "/block/sum/ReduceSum", [stacked, b.Constant("Constant_7", -1)], Int("keepdims", 0));
        string three = b.Node("Sum", "/sum3/Sum", [sum, left, right]);
        string cat = b.Node("Concat", "/cat/Concat", [three, sum], Int("axis", 1));
        string avg = b.Node("AveragePool", "/avg/AveragePool", [cat], Ints("kernel_shape", 3), Ints("strides", 1), Ints("pads", 1, 1), Int("count_include_pad", 1));
        string max = b.Node("MaxPool", "/max/MaxPool", [avg], Ints("kernel_shape", 2), Ints("strides", 2));
        string gmax = b.Node("GlobalMaxPool", "/gmax/GlobalMaxPool", [max]);
        string gavg = b.Node("GlobalAveragePool", "/gavg/GlobalAveragePool", [max]);
        string head = b.Node("Concat", "/head/Concat", [gmax, gavg], Int("axis", 1));
        string batch = b.Node("Gather", "/head/Gather", [b.Node("Shape", "/head/Shape", [head]), b.Scalar("/head/Constant", 0)], Int("axis", 0));
        string target = b.Node("Concat", "/head/Concat_1", [b.Node("Unsqueeze", "/head/Unsqueeze", [batch, b.Constant("Constant_2", 0)]), b.Constant("Constant_3", -1)], Int("axis", 0));
        string flat = b.Node("Reshape", "/head/Reshape", [head, target]);
        string hidden = b.Node("MatMul", "/fc/MatMul", [flat, b.Weight("fc.weight", [16, 5])]);
        hidden = b.Node("Add", "/fc/Add", [b.Weight("fc.bias", [5]), hidden]);
        hidden = b.Node("Dropout", "/drop/Dropout", [hidden]);
        hidden = b.Node("Reshape", "/again/Reshape", [hidden, b.Constant("Constant_4", -1, 5)]);
        hidden = b.Node("Flatten", "/flat/Flatten", [hidden], Int("axis", 1));
        string logits = b.Node("Gemm", "/out/Gemm", [hidden, b.Weight("out.weight", [5, 2]), b.Weight("out.bias", [2])],
            Float("alpha", 0.5f), Float("beta", 2f), Int("transB", 0));
        return b.Output(logits, [0, 2]);
    }

    [Fact]
    public void EveryOpImportsAndTheForwardEqualsOnnxRuntime()
    {
        using var dir = new TempDir();
        string path = EveryOp(DataType.Float).Save(dir.File("every-op.onnx"));
        using var scope = NewDisposeScope();
        using ModelGraph graph = OnnxImporter.Import(path);

        Assert.Equal(
            ["stem", "bn", "relu", "block.left", "block.right", "block.add", "block.sum", "sum3", "cat", "avg", "max", "gmax", "gavg", "head.Concat", "head.Reshape", "fc", "drop", "again", "flat", "out", "output"],
            graph.Nodes.Select(n => n.Name));
        Assert.Equal(["block.add", "block.left"], graph["block.sum"].Inputs);
        Assert.Equal(NodeKind.Add, graph["block.sum"].Kind);
        Assert.Equal(3, graph["sum3"].Inputs.Count);
        Assert.Equal(NodeKind.Linear, graph["fc"].Kind);
        Assert.NotNull(((LinearNode)graph["fc"]).Bias);
        Assert.Equal([NodeKind.Identity, NodeKind.Flatten, NodeKind.Linear], new[] { "drop", "flat", "out" }.Select(n => graph[n].Kind));
        Assert.Null(((MaxPool1dNode)graph["gmax"]).Kernel);
        Assert.Equal(2, ((Conv1dNode)graph["block.right"]).Dilation);

        using var runtime = new OnnxTeacher(path, new TeacherOptions(TeacherOutput.Probabilities, ClassNames: ["a", "b"]));
        Tensor x = randn([4, 3, 32], generator: new torch.Generator(3));
        Tensor expected = runtime.Predict(x);
        Tensor actual = graph.Forward(x);
        double error = (actual - expected).abs().max().item<float>() / expected.abs().max().item<float>();
        Assert.True(error < 1e-5, $"graph vs ONNX Runtime: relative error {error}");
    }

    [Fact]
    public void Float64InitializersStayFloat64()
    {
        using var dir = new TempDir();
        using var scope = NewDisposeScope();
        using ModelGraph single = OnnxImporter.Import(EveryOp(DataType.Float).Save(dir.File("f32.onnx")));
        using ModelGraph twice = OnnxImporter.Import(EveryOp(DataType.Double).Save(dir.File("f64.onnx")));

        Assert.Equal(ScalarType.Float32, single.DType);
        Assert.Equal(ScalarType.Float64, twice.DType);
        Assert.All(twice.Nodes.SelectMany(n => n.Tensors), t => Assert.Equal(ScalarType.Float64, t.dtype));
        Tensor x = randn([2, 3, 32], ScalarType.Float64, generator: new torch.Generator(4));
        Tensor y64 = twice.Forward(x);
        Tensor y32 = single.Forward(x.to(ScalarType.Float32));
        Assert.Equal(ScalarType.Float64, y64.dtype);
        double error = (y64 - y32.to(ScalarType.Float64)).abs().max().item<double>() / y64.abs().max().item<double>();
        Assert.True(error is > 0 and < 1e-5, $"float64 vs float32: relative error {error}");
    }

    [Fact]
    public void AnUnsupportedOpIsRefusedNamingTheNodeTheOpAndTheSupportedOps()
    {
        using var dir = new TempDir();
        var b = new OnnxModelBuilder([0, 3, 16]);
        string conv = b.Node("Conv", "/conv/Conv", [b.Input, b.Weight("conv.weight", [2, 3, 3])], Ints("pads", 1, 1));
        string squashed = b.Node("Tanh", "/act/Tanh", [conv]);
        string path = b.Output(b.Node("Flatten", "/Flatten", [b.Node("GlobalAveragePool", "/pool/GlobalAveragePool", [squashed])]), [0, 2]).Save(dir.File("tanh.onnx"));

        var error = Assert.Throws<EcgXaiException>(() => OnnxImporter.Import(path));
        Assert.Equal(path, error.Path);
        Assert.Contains("node '/act/Tanh'", error.Message);
        Assert.Contains("'Tanh'", error.Message);
        Assert.Contains(string.Join(", ", OnnxImporter.SupportedOps), error.Message);
    }

    [Fact]
    public void LayoutsOutsideTheSupportedOnesAreRefusedWithTheReason()
    {
        using var dir = new TempDir();
        string Model(string name, Func<OnnxModelBuilder, string, string> body)
        {
            var b = new OnnxModelBuilder([0, 3, 16]);
            string x = body(b, b.Node("Conv", "/conv/Conv", [b.Input, b.Weight("conv.weight", [2, 3, 3])], Ints("pads", 1, 1)));
            return b.Output(b.Node("Flatten", "/Flatten", [b.Node("GlobalAveragePool", "/pool/GlobalAveragePool", [x])]), [0, 2]).Save(dir.File(name + ".onnx"));
        }
        string lonely = Model("unsqueeze", (b, x) => b.Node("Unsqueeze", "/u/Unsqueeze", [x, b.Constant("/u/Constant", -1)]));
        Assert.Contains("outside a stacked sum", Assert.Throws<EcgXaiException>(() => OnnxImporter.Import(lonely)).Message);
        string grouped = Model("groups", (b, x) => b.Node("Conv", "/g/Conv", [x, b.Weight("g.weight", [2, 1, 3])], Int("group", 2)));
        Assert.Contains("only groups = 1", Assert.Throws<EcgXaiException>(() => OnnxImporter.Import(grouped)).Message);
        string uneven = Model("pads", (b, x) => b.Node("Conv", "/p/Conv", [x, b.Weight("p.weight", [2, 2, 3])], Ints("pads", 0, 2)));
        Assert.Contains("pads [0, 2]", Assert.Throws<EcgXaiException>(() => OnnxImporter.Import(uneven)).Message);
        string time = Model("concat", (b, x) => b.Node("Concat", "/c/Concat", [x, x], Int("axis", 2)));
        Assert.Contains("only the channel axis", Assert.Throws<EcgXaiException>(() => OnnxImporter.Import(time)).Message);
    }

    private static string Small(TempDir dir, string file, params (string Key, string Value)[] metadata)
    {
        var b = new OnnxModelBuilder([0, 2, 8]);
        string x = b.Node("Conv", "/conv/Conv", [b.Input, b.Weight("conv.weight", [3, 2, 1])]);
        b.Output(b.Node("Flatten", "/Flatten", [b.Node("GlobalAveragePool", "/pool/GlobalAveragePool", [x])]), [0, 3]);
        foreach (var (key, value) in metadata)
        {
            b.Metadata(key, value);
        }
        return b.Save(dir.File(file));
    }

    [Fact]
    public void MetadataComesFromTheFileThenConfigJsonThenOptions()
    {
        using var dir = new TempDir();
        string path = Small(dir, "m.onnx", (OnnxMetadata.SampleRateKey, "250"), (OnnxMetadata.LeadsKey, "[\"I\", \"II\"]"));
        File.WriteAllText(dir.File("config.json"), """{"sample_rate": 500, "lead_names": ["V1", "V2"], "class_names": ["AF", "SB", "ST"]}""");
        var options = new ModelLoadOptions(SampleRate: 100, LeadNames: ["x", "y"], ClassNames: ["p", "q", "r"]);

        using (ModelGraph graph = OnnxImporter.Import(path, options))
        {
            Assert.Equal(["I", "II"], graph.Metadata.LeadNames);
            Assert.Equal(["AF", "SB", "ST"], graph.Metadata.ClassNames);
            Assert.Equal(250, graph.Metadata.SampleRate);
        }
        File.Delete(dir.File("config.json"));
        using (ModelGraph graph = OnnxImporter.Import(path, options))
        {
            Assert.Equal(["p", "q", "r"], graph.Metadata.ClassNames);
            Assert.Equal(["I", "II"], graph.Metadata.LeadNames);
        }
        string plain = Small(dir, "plain.onnx");
        using (ModelGraph graph = OnnxImporter.Import(plain, options with { LeadNames = null }))
        {
            Assert.Equal(100, graph.Metadata.SampleRate);
            var missing = Assert.Throws<EcgXaiException>(() => OnnxMetadata.RequireForData(plain, graph.Metadata));
            Assert.Equal(plain, missing.Path);
            Assert.Contains("lead names", missing.Message);
            Assert.Contains(OnnxMetadata.LeadsKey, missing.Message);
            Assert.DoesNotContain("sampling rate", missing.Message);
        }
        using (ModelGraph graph = OnnxImporter.Import(plain))
        {
            string message = Assert.Throws<EcgXaiException>(() => OnnxMetadata.RequireForData(plain, graph.Metadata)).Message;
            Assert.Contains("sampling rate", message);
            Assert.Contains("lead names", message);
            Assert.Contains("class names", message);
        }
        using (ModelGraph graph = OnnxImporter.Import(path, options))
        {
            var (rate, leads, classes) = OnnxMetadata.RequireForData(path, graph.Metadata);
            Assert.Equal(250.0, rate);
            Assert.Equal(["I", "II"], leads);
            Assert.Equal(["p", "q", "r"], classes);
        }
    }

    [Fact]
    public void MetadataThatDoesNotFitTheModelIsRefused()
    {
        using var dir = new TempDir();
        string leads = Small(dir, "leads.onnx", (OnnxMetadata.LeadsKey, "I,II,III"));
        Assert.Contains("3 lead names (I,II,III) for a model with 2 input channels", Assert.Throws<EcgXaiException>(() => OnnxImporter.Import(leads)).Message);
        string rate = Small(dir, "rate.onnx", (OnnxMetadata.SampleRateKey, "fast"));
        Assert.Contains("is not a positive sampling rate", Assert.Throws<EcgXaiException>(() => OnnxImporter.Import(rate)).Message);
        var classes = Assert.Throws<EcgXaiException>(() => OnnxImporter.Import(Small(dir, "classes.onnx"), new ModelLoadOptions(ClassNames: ["AF"])));
        Assert.Contains("1 class names (AF) for a model with 3 outputs", classes.Message);
        File.WriteAllText(dir.File("junk.onnx"), "not a protobuf");
        Assert.Contains("not an ONNX model", Assert.Throws<EcgXaiException>(() => OnnxImporter.Import(dir.File("junk.onnx"))).Message);
    }
}
