using EcgXai.Explain.Attribution;
using EcgXai.Explain.Composites;
using EcgXai.Explain.Graph;
using EcgXai.Explain.Rules;
using EcgXai.Tests.Explain.Graph;
using static TorchSharp.torch;

namespace EcgXai.Tests.Explain.Attribution;

/// <summary>
/// Properties of the walk on a graph with Concat, fan-out, a residual Add and max/average pools (<see cref="GraphTestModels.Branchy"/>):
/// conservation, batched CRP = one concept at a time, all-channel conditions, start at a node, restart at a node.
/// </summary>
public class GraphAttributionTests
{
    private static Composite AllEpsilon(double eps) => new CompositeBuilder("all_epsilon").Kind(NodeKind.Conv1d, new Epsilon(eps))
        .Kind(NodeKind.Linear, new Epsilon(eps)).Kind(NodeKind.Add, new Norm(eps)).Kind(NodeKind.AvgPool1d, new Norm(eps)).Defaults().Build();

    [Fact]
    public void WithoutBiasesEpsilonTowardsZeroConservesTheTargetLogit()
    {
        using var scope = NewDisposeScope();
        using ModelGraph g = GraphTestModels.Branchy(1, biases: false);
        using var attributor = new Attributor(g, AllEpsilon(1e-13));
        Tensor x = randn(3, 3, 16, dtype: ScalarType.Float64);
        using AttributionResult r = attributor.Attribute(x, [4, 0, 2], ["cat", "a_relu"]);
        for (int i = 0; i < 3; i++)
        {
            double logit = r.Logits[i, r.Rows[i].Target].item<double>();
            foreach (Tensor relevance in new[] { r.InputRelevance, r.Relevance["cat"], r.Relevance["a_relu"] })
            {
                double total = relevance[i].sum().item<double>();
                Assert.True(Math.Abs(total - logit) <= 1e-9 * Math.Max(1, Math.Abs(logit)), $"row {i}: {total} vs logit {logit}");
            }
        }
    }

    [Theory]
    [InlineData("cat")]
    [InlineData("a_relu")]
    [InlineData("sum_relu")]
    [InlineData("b_relu")]
    public void BatchedConceptsEqualOneConceptAtATime(string node)
    {
        using var scope = NewDisposeScope();
        using ModelGraph g = GraphTestModels.Branchy(2);
        using var attributor = new Attributor(g, NamedComposites.EpsilonAlpha2Beta1Flat());
        Tensor x = randn(3, 3, 16, dtype: ScalarType.Float64);
        IReadOnlyList<int>[] sets = [[0], [1, 3], [2]];
        using AttributionResult batched = new ConceptAttributor(attributor).Attribute(x, 2, 4, node, sets, [node, "a"]);
        for (int i = 0; i < sets.Length; i++)
        {
            using AttributionResult one = attributor.Attribute(x, [new AttributionRow(2, 4, [new Condition(node, sets[i])])], [node, "a"]);
            Assert.True(ExplainTestModels.MaxRelativeDifference(batched.InputRelevance[i], one.InputRelevance[0]) < 1e-12, $"row {i}");
            Assert.True(ExplainTestModels.MaxRelativeDifference(batched.Relevance["a"][i], one.Relevance["a"][0]) < 1e-12, $"row {i} at a");
            Tensor perChannel = batched.Relevance[node][i].abs().sum(1);
            for (int c = 0; c < perChannel.shape[0]; c++)
            {
                Assert.True(sets[i].Contains(c) || perChannel[c].item<double>() == 0, $"channel {c} leaks in row {i}");
            }
        }
    }

    [Theory]
    [InlineData("pool", true)]
    [InlineData("sum_relu", true)]
    [InlineData("a_relu", true)]
    [InlineData("b_relu", false)]
    [InlineData("d", false)]
    public void AnAllChannelsConditionIsThePlainHeatmapExactlyWhereNothingBypassesTheNode(string node, bool cut)
    {
        using var scope = NewDisposeScope();
        using ModelGraph g = GraphTestModels.Branchy(3);
        using var attributor = new Attributor(g, NamedComposites.EpsilonPlusFlat());
        Tensor x = randn(2, 3, 16, dtype: ScalarType.Float64);
        using AttributionResult plain = attributor.Attribute(x, [1, 1]);
        int[] all = Enumerable.Range(0, attributor.ChannelsOf(node)).ToArray();
        using AttributionResult conditioned = new ConceptAttributor(attributor).Attribute(x, 1, 1, node, [all]);
        double difference = ExplainTestModels.MaxRelativeDifference(conditioned.InputRelevance[0], plain.InputRelevance[1]);
        Assert.True(cut ? difference < 1e-12 : difference > 1e-3, $"{node}: {difference}");
    }

    [Theory]
    [InlineData("pool")]
    [InlineData("a_relu")]
    [InlineData("b_relu")]
    [InlineData("flat")]
    public void StartingAtANodeWithItsOwnRelevanceIsThePlainWalkBelowIt(string node)
    {
        using var scope = NewDisposeScope();
        using ModelGraph g = GraphTestModels.Branchy(4);
        using var attributor = new Attributor(g, NamedComposites.EpsilonPlusFlat());
        Tensor x = randn(3, 3, 16, dtype: ScalarType.Float64);
        int[] all = Enumerable.Range(0, attributor.ChannelsOf(node)).ToArray();
        AttributionRow[] rows = [.. Enumerable.Range(0, 3).Select(i => new AttributionRow(i, 3 - i, [new Condition(node, all)]))];
        using AttributionResult below = attributor.Attribute(x, rows, [node, "a"]);
        using AttributionResult started = attributor.AttributeFrom(x, node, below.Relevance[node], recordNodes: ["a"]);
        Assert.True(ExplainTestModels.MaxRelativeDifference(started.InputRelevance, below.InputRelevance) < 1e-12);
        Assert.True(ExplainTestModels.MaxRelativeDifference(started.Relevance["a"], below.Relevance["a"]) < 1e-12);
        Assert.True(ExplainTestModels.MaxRelativeDifference(started.Logits, g.Forward(x)) < 1e-12);
    }

    [Fact]
    public void StartRelevanceAtOnePositionStaysInsideItsReceptiveField()
    {
        using var scope = NewDisposeScope();
        using ModelGraph g = GraphTestModels.Branchy(5);
        using var attributor = new Attributor(g, NamedComposites.EpsilonPlus());
        Tensor x = randn(1, 3, 16, dtype: ScalarType.Float64);
        Tensor start = zeros(1, 6, 8, dtype: ScalarType.Float64);
        start[0, 2, 1] = tensor(1.0, dtype: ScalarType.Float64);
        using AttributionResult r = attributor.AttributeFrom(x, "pool", start);
        Tensor perSample = r.InputRelevance[0].abs().sum(dim: 0);
        // pool position 1 covers cat positions 2..3; b (k3, dilation 2, padding 2) and c (k1) reach a at 0..5; a (k3, p1) reaches input -1..6.
        for (int t = 7; t < 16; t++)
        {
            Assert.Equal(0.0, perSample[t].item<double>());
        }
        Assert.True(perSample.sum().item<double>() > 0);
    }

    [Fact]
    public void RestartThroughTheAttributorWithUnchangedActivationsGivesThePlainLogits()
    {
        using var scope = NewDisposeScope();
        using ModelGraph g = GraphTestModels.Branchy(6);
        using var attributor = new Attributor(g, NamedComposites.EpsilonPlusFlat());
        Tensor x = randn(2, 3, 16, dtype: ScalarType.Float64);
        using AttributionResult r = attributor.Attribute(x, [0, 0], ["d", "heads"]);
        Assert.True(ExplainTestModels.MaxRelativeDifference(attributor.Restart("d", r.Activations["d"], x), r.Logits) < 1e-12);
        Tensor heads = r.Activations["heads"].index_select(0, tensor(new long[] { 1, 1, 0 }));
        Assert.True(ExplainTestModels.MaxRelativeDifference(attributor.Restart("heads", heads), r.Logits.index_select(0, tensor(new long[] { 1, 1, 0 }))) < 1e-12);
    }

    [Fact]
    public void CanonizedGraphForwardEqualsTheOriginalAndFoldsEveryFoldableBatchNorm()
    {
        using var scope = NewDisposeScope();
        using ModelGraph g = GraphTestModels.Branchy(7);
        using var attributor = new Attributor(g, NamedComposites.EpsilonPlusFlat());
        Tensor x = randn(4, 3, 16, dtype: ScalarType.Float64);
        Assert.True(ExplainTestModels.MaxRelativeDifference(attributor.Graph.Forward(x), g.Forward(x)) < 1e-12);
        Assert.DoesNotContain("a_bn", attributor.Nodes);
        Assert.Equal(["a"], attributor.Graph.Nodes.Where(n => n.Inputs.Contains(g.Input)).Select(n => n.Name));
        Assert.Equal("heads", attributor.ClassifierInput);
        Assert.Equal("first linear node", attributor.RuleOf("a").Why);
        Assert.Equal("kind Conv1d", attributor.RuleOf("d").Why);
        Assert.Contains("folded", Assert.Throws<ArgumentException>(() => attributor.Attribute(x, [new AttributionRow(0, 0, [new Condition("a_bn", [0])])])).Message);
    }

    [Fact]
    public void RulesThatCannotApplyToANodeKindAreRefusedNamingIt()
    {
        using ModelGraph g = GraphTestModels.Branchy(8);
        var e = Assert.Throws<ArgumentException>(() => new Attributor(g, NamedComposites.EpsilonPlusFlat().WithRule("pool", new ZPlus())));
        Assert.Contains("'pool'", e.Message);
        Assert.Contains("MaxPool1d", e.Message);
    }
}
