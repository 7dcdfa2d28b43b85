using EcgXai.Explain.Concepts;
using EcgXai.Explain.Graph;
using EcgXai.Tests.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace EcgXai.Tests.Explain.Concepts;

public class ReceptiveFieldTests
{
    /// <summary>Input samples whose gradient on <c>node[0, :, t]</c> summed over channels is non-zero: what the node's value at t depends on.</summary>
    private static long[] Support(ModelGraph graph, string node, long t)
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(5);
        Tensor x = randn([1, .. graph.InputShape], dtype: graph.DType).requires_grad_();
        Tensor value = graph.Evaluate(x, [node])[node];
        value.select(2, t).sum().backward();
        Tensor any = x.grad!.abs().sum(1).squeeze(0).gt(1e-13);
        return Enumerable.Range(0, (int)any.shape[0]).Where(i => any[i].item<bool>()).Select(i => (long)i).ToArray();
    }

    /// <summary>A graph without rectifiers or max pools (the support is then exactly the receptive field): strides, padding, dilation, an average pool and a pooled skip.</summary>
    private static ModelGraph Linear()
    {
        torch.manual_seed(3);
        Tensor W(params long[] shape) => randn(shape, dtype: ScalarType.Float64);
        var g = new GraphBuilder("x", [2, 64]);
        string c1 = g.Add(new Conv1dNode("c1", g.Input, W(3, 2, 5), null, stride: 2, padding: 2));
        string c2 = g.Add(new Conv1dNode("c2", c1, W(3, 3, 3), null, padding: 2, dilation: 2));
        string pool = g.Add(new AvgPool1dNode("skip.pool", g.Input, 2));
        string skip = g.Add(new Conv1dNode("skip.conv", pool, W(3, 2, 1), null));
        string sum = g.Add(new AddNode("sum", [c2, skip]));
        string bn = g.Add(new BatchNorm1dNode("bn", sum, zeros(3, dtype: ScalarType.Float64), ones(3, dtype: ScalarType.Float64), W(3), W(3), 1e-5));
        string down = g.Add(new AvgPool1dNode("down", bn, 2));
        string flat = g.Add(new FlattenNode("flatten", down));
        g.Add(new LinearNode("head", flat, W(4, 48), null));
        return g.Build(ownsTensors: true);
    }

    [Theory]
    [InlineData("c1", 0)]
    [InlineData("c1", 31)]
    [InlineData("c2", 10)]
    [InlineData("sum", 0)]
    [InlineData("sum", 17)]
    [InlineData("down", 7)]
    [InlineData("down", 15)]
    public void ReceptiveFieldEqualsTheDependencySupport(string node, long t)
    {
        using ModelGraph graph = Linear();
        ReceptiveField field = ReceptiveField.Of(graph, node, t);
        long[] support = Support(graph, node, t);
        Assert.Equal(Enumerable.Range((int)field.Start, (int)field.Length).Select(i => (long)i), support);
    }

    [Fact]
    public void OnAResNetTheSupportLiesInsideTheFieldAndReachesItsEnds()
    {
        using var model = TestModels.Random(TestModels.Tiny, 4);
        model.to(ScalarType.Float64);
        model.eval();
        using ModelGraph graph = model.ToGraph();
        foreach ((string node, long t) in new[] { ("blocks.0.out", 30L), ("blocks.1.sum", 7L), ("blocks.2.out", 1L) })
        {
            ReceptiveField field = ReceptiveField.Of(graph, node, t);
            long[] support = Support(graph, node, t);
            Assert.NotEmpty(support);
            Assert.InRange(support.Min(), field.Start, field.End);
            Assert.InRange(support.Max(), field.Start, field.End);
            // Max pools pass one sample of each window, so the ends can fall short by less than a window.
            Assert.True(support.Min() - field.Start < 4 && field.End - support.Max() < 4, $"{node}@{t}: support {support.Min()}..{support.Max()}, field {field.Start}..{field.End}");
        }
        // The classifier's logits depend on every input sample.
        Assert.Equal(new ReceptiveField(0, 63), ReceptiveField.Of(graph, "blocks.2.out", 0, 3));
        Assert.Throws<ArgumentException>(() => ReceptiveField.Of(graph, "blocks.2.out", 4));
    }
}
