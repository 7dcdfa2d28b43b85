using EcgXai.Explain.Graph;
using EcgXai.Models;
using EcgXai.Tests.Explain;
using TorchSharp;
using static TorchSharp.torch;

namespace EcgXai.Tests.Explain.Graph;

/// <summary>The graph: shapes, forward against a hand computation, restart at a node, non-negativity, validation.</summary>
public class ModelGraphTests
{
    [Fact]
    public void ForwardEqualsAHandWrittenComputationAndShapesAreKnown()
    {
        using var scope = NewDisposeScope();
        using ModelGraph g = GraphTestModels.Branchy(1);
        Tensor x = randn(2, 3, 16, dtype: ScalarType.Float64);
        var n = g.Nodes.ToDictionary(v => v.Name);
        var a0 = (Conv1dNode)n["a"];
        var bn = (BatchNorm1dNode)n["a_bn"];
        var b0 = (Conv1dNode)n["b"];
        var c0 = (Conv1dNode)n["c"];
        var d0 = (Conv1dNode)n["d"];
        var h0 = (LinearNode)n["head"];
        Tensor a = nn.functional.conv1d(x, a0.Weight, a0.Bias, padding: 1);
        a = ((a - bn.RunningMean.view(1, -1, 1)) / (bn.RunningVar.view(1, -1, 1) + 1e-5).sqrt() * bn.Weight!.view(1, -1, 1) + bn.Bias!.view(1, -1, 1)).relu();
        Tensor b = nn.functional.conv1d(a, b0.Weight, b0.Bias, padding: 2, dilation: 2).relu();
        Tensor c = nn.functional.conv1d(a, c0.Weight, c0.Bias).relu();
        Tensor pool = nn.functional.max_pool1d(cat([b, c], 1), 2, 2);
        Tensor r = (nn.functional.conv1d(pool, d0.Weight, d0.Bias, padding: 1) + pool).relu();
        Tensor feats = cat([r.amax([2]), r.mean([2])], 1);
        Tensor expected = nn.functional.linear(feats, h0.Weight, h0.Bias);
        Assert.True(ExplainTestModels.MaxRelativeDifference(g.Forward(x), expected) < 1e-12);
        Assert.Equal(new long[] { 6, 8 }, g.ShapeOf("sum"));
        Assert.Equal(new long[] { 12, 1 }, g.ShapeOf("heads"));
        Assert.Equal(new[] { "b", "c" }, g.ConsumersOf("a_relu"));
        Assert.Equal(5, g.OutputCount);
    }

    [Fact]
    public void NonNegativityFollowsReluThroughPoolsConcatAndSums()
    {
        using ModelGraph g = GraphTestModels.Branchy(2);
        Assert.True(g.IsNonNegative("a_relu"));
        Assert.True(g.IsNonNegative("cat"));
        Assert.True(g.IsNonNegative("pool"));
        Assert.False(g.IsNonNegative("d"));
        Assert.False(g.IsNonNegative("sum"));
        Assert.True(g.IsNonNegative("flat"));
        Assert.False(g.IsNonNegative(g.Input));
    }

    [Theory]
    [InlineData("pool")]
    [InlineData("a_relu")]
    [InlineData("flat")]
    public void RestartWithUnchangedActivationsGivesThePlainLogits(string node)
    {
        using var scope = NewDisposeScope();
        using ModelGraph g = GraphTestModels.Branchy(3);
        Tensor x = randn(3, 3, 16, dtype: ScalarType.Float64);
        Dictionary<string, Tensor> values = g.Evaluate(x, [node]);
        Tensor rows = values[node].index_select(0, tensor(new long[] { 2, 0, 2, 1 }));
        Tensor restarted = g.Restart(node, rows, x, [2, 0, 2, 1]);
        Tensor expected = values[g.Output].index_select(0, tensor(new long[] { 2, 0, 2, 1 }));
        Assert.True(ExplainTestModels.MaxRelativeDifference(restarted, expected) < 1e-12);
    }

    [Fact]
    public void RestartChangesTheLogitsAndNeedsTheInputOnlyWhenSomethingBypassesTheNode()
    {
        using var scope = NewDisposeScope();
        using ModelGraph g = GraphTestModels.Branchy(4);
        Tensor x = randn(2, 3, 16, dtype: ScalarType.Float64);
        Tensor flat = g.Evaluate(x, ["flat"])["flat"];
        Tensor zeroed = flat.clone();
        zeroed[.., 0] = tensor(0.0, dtype: ScalarType.Float64);
        Tensor moved = g.Restart("flat", zeroed);
        Assert.True(ExplainTestModels.MaxRelativeDifference(moved, g.Forward(x)) > 1e-6);
        Tensor d = g.Evaluate(x, ["d"])["d"];
        var e = Assert.Throws<ArgumentException>(() => g.Restart("d", d));
        Assert.Contains("needs the input", e.Message);
        Assert.True(ExplainTestModels.MaxRelativeDifference(g.Restart("d", d, x), g.Forward(x)) < 1e-12);
    }

    [Fact]
    public void BadGraphsAreRefusedNamingTheNode()
    {
        using var scope = NewDisposeScope();
        var g = new GraphBuilder("x", [3, 16]);
        string a = g.Add(new Conv1dNode("a", g.Input, zeros(4, 3, 3, dtype: ScalarType.Float64), null, padding: 1));
        var shape = Assert.Throws<ArgumentException>(() => g.Add(new Conv1dNode("b", a, zeros(4, 5, 3, dtype: ScalarType.Float64), null)));
        Assert.Contains("'b'", shape.Message);
        Assert.Contains("5 input channels", shape.Message);
        Assert.Throws<ArgumentException>(() => g.Add(new ReluNode("a", a)));
        Assert.Contains("'nowhere'", Assert.Throws<ArgumentException>(() => g.Add(new ReluNode("r", "nowhere"))).Message);
        Assert.Throws<ArgumentException>(() => new AddNode("s", [a]));
        g.Add(new ReluNode("dead", a));
        g.Add(new FlattenNode("flat", a));
        Assert.Contains("'dead'", Assert.Throws<ArgumentException>(() => g.Build()).Message);
    }

    [Fact]
    public void ResNet1dForwardRunsThroughItsGraphWithTheModelsNames()
    {
        using var scope = NewDisposeScope();
        using ResNet1d model = ExplainTestModels.Create(5);
        using ModelGraph g = model.ToGraph();
        Assert.Contains("blocks.1.skip_connection.0", g.Nodes.Select(n => n.Name));
        Assert.Contains("blocks.2.sum", g.Nodes.Select(n => n.Name));
        Assert.Equal(new[] { "blocks.1.bn2", "blocks.2.skip_connection.0" }, g.ConsumersOf("blocks.1.sum"));
        Assert.Same(model.blocks[0].conv1.weight, ((Conv1dNode)g["blocks.0.conv1"]).Weight);
        Tensor x = ExplainTestModels.Input(6, 4);
        Tensor before = model.blocks[1].bn2.running_mean!.clone();
        model.train();
        Tensor first = model.forward(x), second = model.forward(x);
        first.sum().backward();
        Assert.NotNull(model.blocks[0].conv1.weight!.grad);
        Assert.True(ExplainTestModels.MaxRelativeDifference(first, second) > 1e-6, "dropout should act in training mode");
        Assert.True(ExplainTestModels.MaxRelativeDifference(model.blocks[1].bn2.running_mean!, before) > 1e-6, "batch statistics should update");
        model.eval();
        Assert.True(ExplainTestModels.MaxRelativeDifference(model.forward(x), model.forward(x)) == 0);
    }
}
