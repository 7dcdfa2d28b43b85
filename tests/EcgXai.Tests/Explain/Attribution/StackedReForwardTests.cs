using EcgXai.Explain.Attribution;
using EcgXai.Explain.Composites;
using EcgXai.Explain.Graph;
using EcgXai.Explain.Rules;
using EcgXai.Models;
using static TorchSharp.torch;

namespace EcgXai.Tests.Explain.Attribution;

/// <summary>
/// Rules whose re-forward is one layer with other parameters (ZPlus on a non-negative input, Gamma) get it from the
/// walk's forward, one convolution with <c>[W; W']</c> stacked (<see cref="IStackableRule"/>): the same numbers as the
/// rule's own re-forward, for the rule alone (exactly) and for whole walks (float64, 1e-12).
/// </summary>
public class StackedReForwardTests
{
    [Theory]
    [InlineData("zplus")]
    [InlineData("gamma")]
    public void APrecomputedReForwardGivesTheRulesOwnNumbers(string name)
    {
        using var scope = NewDisposeScope();
        manual_seed(31);
        IStackableRule rule = name == "zplus" ? new ZPlus() : new Gamma(0.3);
        using var layer = new ConvLayer("c", randn(5, 3, 4, dtype: ScalarType.Float64), randn(5, dtype: ScalarType.Float64), 2, 1, inputNonNegative: true);
        Tensor x = rand(2, 3, 16, dtype: ScalarType.Float64);
        Tensor r = randn(2, 5, 8, dtype: ScalarType.Float64);
        var (weight, bias) = rule.ReForwardParameters(layer)!.Value;
        Tensor expected = rule.Apply(layer, x, r);
        Tensor actual = rule.Apply(layer, x, r, layer.Forward(x, weight, bias));
        Assert.True(expected.eq(actual).all().item<bool>(), $"differs by {(expected - actual).abs().max().item<double>()}");
    }

    [Fact]
    public void ZPlusOnASignedInputHasNoSingleReForward()
    {
        using var scope = NewDisposeScope();
        using var layer = new ConvLayer("c", randn(5, 3, 4, dtype: ScalarType.Float64), null, 1, 0, inputNonNegative: false);
        var zplus = new ZPlus();
        Assert.Null(zplus.ReForwardParameters(layer));
        Tensor x = randn(1, 3, 8, dtype: ScalarType.Float64);
        Assert.Throws<ArgumentException>(() => zplus.Apply(layer, x, randn(1, 5, 5, dtype: ScalarType.Float64), randn(1, 5, 5, dtype: ScalarType.Float64)));
    }

    [Theory]
    [InlineData("epsilon_plus_flat")]
    [InlineData("epsilon_gamma_box")]
    [InlineData("epsilon_plus")]
    public void StackedWalksEqualWalksWithTheRulesOwnReForward(string name)
    {
        using var scope = NewDisposeScope();
        using ResNet1d model = ExplainTestModels.Create(32);
        Composite composite = NamedComposites.FromName(name, new Dictionary<string, double> { ["box_low"] = -3, ["box_high"] = 3 });
        Composite own = composite with { Entries = [.. composite.Entries.Select(e => e with { Rule = e.Rule is IStackableRule s ? new Unstacked(s) : e.Rule })] };
        using Attributor stacked = Attributor.For(model, composite), unstacked = Attributor.For(model, own);
        // Ribeiro's stem has no ReLU: blocks.0.conv1 and the skips that read the stem see signed inputs, where ZPlus has two re-forwards.
        GraphNode[] convs = [.. stacked.Graph.Nodes.Where(n => n.Kind == NodeKind.Conv1d)];
        bool Single(GraphNode c) => stacked.RuleOf(c.Name).Rule is Gamma || (stacked.RuleOf(c.Name).Rule is ZPlus && stacked.Graph.IsNonNegative(c.Inputs[0]));
        Assert.Contains(convs, Single);
        Assert.Contains(convs, c => !Single(c));
        Assert.All(convs, c => Assert.Equal(Single(c), stacked.RuleAt(c.Name).Stacks));
        Assert.All(convs, c => Assert.False(unstacked.RuleAt(c.Name).Stacks));

        Tensor x = ExplainTestModels.Input(33, 3);
        string concept = stacked.ConceptNodes[1];
        AttributionRow[] rows = [new(0, 1), new(2, 0), new(1, 1, [new Condition(concept, [0, 2])]), new(1, 1, [new Condition(concept, [1])])];
        string[] recorded = [.. stacked.ConceptNodes];
        using (AttributionResult a = stacked.Attribute(x, rows, recorded), b = unstacked.Attribute(x, rows, recorded))
        {
            AssertClose(b, a);
        }
        Tensor start = rand([3, .. stacked.Graph.ShapeOf(concept)], dtype: ScalarType.Float64);
        using (AttributionResult a = stacked.AttributeFrom(x, concept, start), b = unstacked.AttributeFrom(x, concept, start))
        {
            AssertClose(b, a);
        }
    }

    private static void AssertClose(AttributionResult expected, AttributionResult actual)
    {
        Assert.True(expected.InputRelevance.abs().sum().item<double>() > 0, "the walk produced relevance");
        Assert.InRange(ExplainTestModels.MaxRelativeDifference(expected.Logits, actual.Logits), 0, 1e-12);
        Assert.InRange(ExplainTestModels.MaxRelativeDifference(expected.InputRelevance, actual.InputRelevance), 0, 1e-12);
        foreach (string node in expected.Relevance.Keys)
        {
            Assert.InRange(ExplainTestModels.MaxRelativeDifference(expected.Relevance[node], actual.Relevance[node]), 0, 1e-12);
        }
    }

    /// <summary>The rule, hiding that it could stack: the walk runs its own re-forward.</summary>
    private sealed record Unstacked(IRule Inner) : IRule
    {
        public Tensor Apply(LinearLayer layer, Tensor input, Tensor relevance) => Inner.Apply(layer, input, relevance);
    }
}
