using EcgXai.Explain.Attribution;
using EcgXai.Explain.Canonizers;
using EcgXai.Explain.Composites;
using EcgXai.Explain.Crp;
using EcgXai.Explain.Graph;
using EcgXai.Explain.Rules;
using EcgXai.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace EcgXai.Tests.Explain;

/// <summary>Properties of the walk: conservation, float32/float64, CRP batching and masking, determinism, overrides.</summary>
public class AttributorTests
{
    private static Composite AllEpsilon(double eps) =>
        new CompositeBuilder("all_epsilon").Kind(NodeKind.Conv1d, new Epsilon(eps)).Kind(NodeKind.Linear, new Epsilon(eps)).Kind(NodeKind.Add, new Norm(eps)).Defaults().Build();

    [Fact]
    public void EpsilonWithoutBiasesConservesTheTargetLogit()
    {
        using var scope = NewDisposeScope();
        using ResNet1d model = ExplainTestModels.Create(11);
        ExplainTestModels.SetBatchNorms(model, _ => throw new InvalidOperationException(), unitScale: true);
        using (no_grad())
        {
            model.lin.bias!.zero_();
        }
        using var attributor = Attributor.For(model, AllEpsilon(1e-12));
        Tensor x = ExplainTestModels.Input(12, 3);
        using AttributionResult a = attributor.Attribute(x, [4, 0, 2]);
        Tensor logits = model.forward(x);
        for (int i = 0; i < 3; i++)
        {
            double logit = logits[i, a.Rows[i].Target].item<double>();
            double total = a.InputRelevance[i].sum().item<double>();
            Assert.True(Math.Abs(total - logit) <= 1e-8 * Math.Max(1, Math.Abs(logit)), $"row {i}: relevance {total} vs logit {logit}");
        }
        Assert.Equal(new long[] { 3, 12, 32 }, a.InputRelevance.shape);
    }

    [Fact]
    public void Float32HeatmapsFollowFloat64AndKeepTheDtype()
    {
        using var scope = NewDisposeScope();
        using ResNet1d m64 = ExplainTestModels.Create(13);
        using ResNet1d m32 = ExplainTestModels.Create(13, ScalarType.Float32);
        using var a64 = Attributor.For(m64, NamedComposites.EpsilonPlusFlat());
        using var a32 = Attributor.For(m32, NamedComposites.EpsilonPlusFlat());
        Tensor x = ExplainTestModels.Input(14, 2);
        using AttributionResult r64 = a64.Attribute(x, [1, 3]);
        using AttributionResult r32 = a32.Attribute(x.to_type(ScalarType.Float32), [1, 3]);
        Assert.Equal(ScalarType.Float32, r32.InputRelevance.dtype);
        double err = ExplainTestModels.MaxRelativeDifference(r32.InputRelevance.to_type(ScalarType.Float64), r64.InputRelevance);
        Assert.True(err < 1e-3, $"float32 vs float64 relative error {err}");
        Assert.Throws<ArgumentException>(() => a32.Attribute(x, [1, 3]));
    }

    [Fact]
    public void CanonizedForwardEqualsModelForwardUnderEveryPolicyAndTheModelIsUntouched()
    {
        using var scope = NewDisposeScope();
        using ResNet1d model = ExplainTestModels.Create(15);
        var before = model.state_dict().ToDictionary(p => p.Key, p => p.Value.clone());
        Tensor x = ExplainTestModels.Input(16, 2);
        Tensor logits = model.forward(x);
        foreach (Bn2Policy policy in Enum.GetValues<Bn2Policy>())
        {
            using var attributor = Attributor.For(model, NamedComposites.EpsilonGammaBox(-3, 3), policy);
            Assert.True(ExplainTestModels.MaxRelativeDifference(attributor.Graph.Forward(x), logits) < 1e-12, policy.ToString());
            using AttributionResult a = attributor.Attribute(x, [0, 5], ["blocks.1.out"]);
            Assert.True(ExplainTestModels.MaxRelativeDifference(a.Logits, logits) < 1e-12, policy.ToString());
        }
        foreach (var (name, value) in model.state_dict())
        {
            Assert.True(value.allclose(before[name], 0, 0), $"{name} was modified");
        }
    }

    [Fact]
    public void PassEpsilonAndFoldAgreeWhenBn2HasNoShiftAndGradientEqualsPassAtUnitScale()
    {
        using var scope = NewDisposeScope();
        using ResNet1d model = ExplainTestModels.Create(17);
        ExplainTestModels.SetBatchNorms(model, bn => rand_like(bn.weight!) + 0.5, unitScale: false);
        Tensor x = ExplainTestModels.Input(18, 2);
        const double eps = 1e-14;
        Composite composite = new CompositeBuilder("tiny_eps_plus_flat").WithEpsilon(eps).FirstLinear(new Flat(eps)).Kind(NodeKind.Conv1d, new ZPlus(eps))
            .Kind(NodeKind.Linear, new Epsilon(eps)).Kind(NodeKind.Add, new Norm(eps)).Defaults().Build();
        Tensor Heatmap(ResNet1d m, Bn2Policy policy)
        {
            using var attributor = Attributor.For(m, composite, policy);
            using AttributionResult a = attributor.Attribute(x, [2, 4]);
            return a.InputRelevance.clone();
        }
        Tensor pass = Heatmap(model, Bn2Policy.Pass);
        double epsilonPolicy = ExplainTestModels.MaxRelativeDifference(Heatmap(model, Bn2Policy.Epsilon), pass);
        double foldPolicy = ExplainTestModels.MaxRelativeDifference(Heatmap(model, Bn2Policy.Fold), pass);
        Assert.True(epsilonPolicy < 1e-9 && foldPolicy < 1e-9, $"epsilon {epsilonPolicy}, fold {foldPolicy}");
        Assert.True(ExplainTestModels.MaxRelativeDifference(Heatmap(model, Bn2Policy.Gradient), pass) > 1e-3, "gradient should scale by gamma");

        ExplainTestModels.SetBatchNorms(model, _ => throw new InvalidOperationException(), unitScale: true);
        Assert.True(ExplainTestModels.MaxRelativeDifference(Heatmap(model, Bn2Policy.Gradient), Heatmap(model, Bn2Policy.Pass)) < 1e-12);
    }

    [Fact]
    public void PoliciesDifferWithRandomBatchNorms()
    {
        using var scope = NewDisposeScope();
        using ResNet1d model = ExplainTestModels.Create(19);
        Tensor x = ExplainTestModels.Input(20, 1);
        var maps = Enum.GetValues<Bn2Policy>().Select(p =>
        {
            using var attributor = Attributor.For(model, NamedComposites.EpsilonPlus(), p);
            using AttributionResult a = attributor.Attribute(x, [3]);
            return a.InputRelevance.clone();
        }).ToList();
        for (int i = 0; i < maps.Count; i++)
        {
            for (int j = i + 1; j < maps.Count; j++)
            {
                Assert.True(ExplainTestModels.MaxRelativeDifference(maps[i], maps[j]) > 1e-4, $"policies {i} and {j} agree");
            }
        }
    }

    [Theory]
    [InlineData("blocks.1.out", Bn2Policy.Gradient)]
    [InlineData("blocks.0.sum", Bn2Policy.Gradient)]
    [InlineData("blocks.1.sum", Bn2Policy.Fold)]
    [InlineData("blocks.2.out", Bn2Policy.Epsilon)]
    public void BatchedConceptsEqualOneConceptAtATime(string layer, Bn2Policy policy)
    {
        using var scope = NewDisposeScope();
        using ResNet1d model = ExplainTestModels.Create(21);
        using var attributor = Attributor.For(model, NamedComposites.EpsilonAlpha2Beta1Flat(), policy);
        var concepts = new ConceptAttributor(attributor);
        Tensor x = ExplainTestModels.Input(22, 3);
        IReadOnlyList<int>[] sets = [[0], [1, 2], [3]];
        using AttributionResult batched = concepts.Attribute(x, 2, 4, layer, sets, [layer]);
        for (int i = 0; i < sets.Length; i++)
        {
            using AttributionResult single = attributor.Attribute(x, [new AttributionRow(2, 4, [new Condition(layer, sets[i])])], [layer]);
            Assert.True(ExplainTestModels.MaxRelativeDifference(batched.InputRelevance[i], single.InputRelevance[0]) < 1e-12, $"row {i}");
            Assert.True(ExplainTestModels.MaxRelativeDifference(batched.Relevance[layer][i], single.Relevance[layer][0]) < 1e-12);
            Tensor masked = batched.Relevance[layer][i].abs().sum(1);
            for (int c = 0; c < masked.shape[0]; c++)
            {
                Assert.True(sets[i].Contains(c) || masked[c].item<double>() == 0, $"channel {c} leaks in row {i}");
            }
        }
    }

    [Fact]
    public void MixedRowsOfSeveralRecordsEqualTheirSingleRuns()
    {
        using var scope = NewDisposeScope();
        using ResNet1d model = ExplainTestModels.Create(23);
        using var attributor = Attributor.For(model, NamedComposites.EpsilonPlusFlat());
        Tensor x = ExplainTestModels.Input(24, 3);
        AttributionRow[] rows =
        [
            new(2, 1, [new Condition("blocks.1.out", [0, 3])]),
            new(0, 4),
            new(2, 1, [new Condition("blocks.0.sum", [2]), new Condition("blocks.2.out", [1, 5])]),
            new(1, 4, [new Condition("blocks.2.sum", [0])]),
            new(0, 4),
        ];
        using AttributionResult all = attributor.Attribute(x, rows);
        for (int i = 0; i < rows.Length; i++)
        {
            using AttributionResult one = attributor.Attribute(x, [rows[i]]);
            Assert.True(ExplainTestModels.MaxRelativeDifference(all.InputRelevance[i], one.InputRelevance[0]) < 1e-12, $"row {i}");
        }
    }

    [Theory]
    [InlineData("blocks.1.sum")]
    [InlineData("blocks.2.out")]
    public void AllChannelsConditionEqualsTheUnconditionalHeatmap(string layer)
    {
        using var scope = NewDisposeScope();
        using ResNet1d model = ExplainTestModels.Create(25);
        using var attributor = Attributor.For(model, NamedComposites.EpsilonPlusFlat());
        Tensor x = ExplainTestModels.Input(26, 2);
        int channels = ExplainTestModels.Config.Filters[int.Parse(layer.Split('.')[1])];
        using AttributionResult plain = attributor.Attribute(x, [4, 4]);
        using AttributionResult all = new ConceptAttributor(attributor).Attribute(x, 1, 4, layer, [Enumerable.Range(0, channels).ToArray()]);
        Assert.True(ExplainTestModels.MaxRelativeDifference(all.InputRelevance[0], plain.InputRelevance[1]) < 1e-12);
    }

    [Fact]
    public void ConceptsAtASumDecomposeTheHeatmapAndAnOutConditionExcludesTheSkipPath()
    {
        using var scope = NewDisposeScope();
        using ResNet1d model = ExplainTestModels.Create(27);
        using var attributor = Attributor.For(model, NamedComposites.EpsilonPlusFlat());
        var concepts = new ConceptAttributor(attributor);
        Tensor x = ExplainTestModels.Input(28, 1);
        using AttributionResult plain = attributor.Attribute(x, [4], ["blocks.1.out", "blocks.1.sum"]);
        using AttributionResult each = concepts.Attribute(x, 0, 4, "blocks.1.sum", Enumerable.Range(0, 4).Select(c => (IReadOnlyList<int>)[c]).ToArray());
        double decomposition = ExplainTestModels.MaxRelativeDifference(each.InputRelevance.sum(dim: 0), plain.InputRelevance[0]);
        Assert.True(decomposition < 1e-10, $"sum of concepts differs by {decomposition}");
        using AttributionResult outAll = concepts.Attribute(x, 0, 4, "blocks.1.out", [[0, 1, 2, 3]], ["blocks.1.sum"]);
        Tensor withoutSkip = outAll.Relevance["blocks.1.sum"][0];
        Assert.True(ExplainTestModels.MaxRelativeDifference(withoutSkip, plain.Relevance["blocks.1.sum"][0]) > 1e-3, "skip relevance was not excluded");
    }

    [Fact]
    public void AttributionIsDeterministicAndRecordsRelevanceAndActivations()
    {
        using var scope = NewDisposeScope();
        using ResNet1d model = ExplainTestModels.Create(29);
        using var attributor = Attributor.For(model, NamedComposites.EpsilonGammaBox(-4, 4));
        Tensor x = ExplainTestModels.Input(30, 2);
        using AttributionResult a = attributor.Attribute(x, [1, 2], attributor.Nodes);
        using AttributionResult b = attributor.Attribute(x, [1, 2], attributor.Nodes);
        Assert.True(a.InputRelevance.allclose(b.InputRelevance, 0, 0));
        Assert.Equal(attributor.Nodes.Count, a.Relevance.Count);
        Assert.Equal(new long[] { 2, 6, 4 }, a.Relevance[attributor.ClassifierInput].shape);
        Assert.Equal(new long[] { 2, 6, 4 }, a.Activations["blocks.2.out"].shape);
        Assert.True(ExplainTestModels.MaxRelativeDifference(a.Activations["blocks.2.out"].flatten(1), ExplainTestModels.Activation(model, x, "blocks.2.out").flatten(1)) < 1e-12);
        Tensor nodes = ConceptRelevance.PerNode(a.Relevance[attributor.ClassifierInput]);
        Assert.Equal(new long[] { 2, 24 }, nodes.shape);
        Tensor normalised = ConceptRelevance.PerChannel(a.Relevance["blocks.1.sum"], normalise: true);
        Assert.True(Math.Abs(normalised[0].abs().sum().item<double>() - 1) < 1e-12);
    }

    [Fact]
    public void OverridesChangeOnlyTheNamedLayerAndTheGenericSumPathEqualsNorm()
    {
        using var scope = NewDisposeScope();
        using ResNet1d model = ExplainTestModels.Create(31);
        Tensor x = ExplainTestModels.Input(32, 1);
        Tensor Heatmap(Composite c)
        {
            using var attributor = Attributor.For(model, c);
            using AttributionResult a = attributor.Attribute(x, [0]);
            return a.InputRelevance.clone();
        }
        Composite baseline = NamedComposites.EpsilonPlusFlat();
        Tensor plain = Heatmap(baseline);
        Assert.True(ExplainTestModels.MaxRelativeDifference(Heatmap(baseline.WithRule("blocks.1.conv2", new Epsilon())), plain) > 1e-4);
        Assert.True(ExplainTestModels.MaxRelativeDifference(Heatmap(baseline.WithRule("blocks.1.sum", new Epsilon())), plain) < 1e-12);
        Assert.True(Heatmap(baseline.WithRule("blocks.1.conv2", new ZPlus())).allclose(plain, 0, 0));
    }

    [Fact]
    public void BadRequestsAreRejected()
    {
        using ResNet1d model = ExplainTestModels.Create(33);
        using var attributor = Attributor.For(model, NamedComposites.EpsilonPlus());
        using Tensor x = ExplainTestModels.Input(34, 1);
        Assert.Throws<ArgumentException>(() => attributor.Attribute(x, [6]));
        Assert.Throws<ArgumentException>(() => attributor.Attribute(x, [new AttributionRow(0, 1, [new Condition("blocks.7.out", [0])])]));
        Assert.Throws<ArgumentException>(() => attributor.Attribute(x, [new AttributionRow(0, 1, [new Condition("blocks.1.out", [4])])]));
        Assert.Contains("folded", Assert.Throws<ArgumentException>(() => attributor.Attribute(x, [1], ["bn1"])).Message);
        Assert.Throws<ArgumentException>(() => NamedComposites.FromName("epsilon_gamma_box", new Dictionary<string, double>()));
    }
}
