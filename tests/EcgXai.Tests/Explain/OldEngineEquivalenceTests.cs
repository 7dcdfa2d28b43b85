using EcgXai.Explain.Attribution;
using EcgXai.Explain.Canonizers;
using EcgXai.Explain.Composites;
using EcgXai.IO;
using EcgXai.Models;
using TorchSharp;
using static TorchSharp.torch;
using IOPath = System.IO.Path;

namespace EcgXai.Tests.Explain;

/// <summary>
/// ResNet1d explanations after the move to the graph walk equal those before it (float64, ≤ 1e-12). The reference
/// <c>Data/resnet1d-old-engine.safetensors</c> was written by the former <c>Explain.Lrp.Attributor</c> (the hard-coded
/// ResNet1d walk, commit 390f3c0) on a fixed random model whose weights it stores: four composites × four bn2 policies,
/// heatmaps, relevance at unit outputs and sums, and CRP rows (single, joint, several records) with exclude_parallel.
/// Under Fold the sums are left out: there the graph's <c>blocks.i.sum</c> is the raw sum (the next skip's input),
/// while the old view summed it with the folded sum.
/// </summary>
public class OldEngineEquivalenceTests
{
    private static readonly string Path = IOPath.Combine(AppContext.BaseDirectory, "Explain", "Data", "resnet1d-old-engine.safetensors");

    public static TheoryData<string, Bn2Policy> Cases()
    {
        var data = new TheoryData<string, Bn2Policy>();
        foreach (string c in new[] { "epsilon_plus_flat", "epsilon_alpha2_beta1_flat", "epsilon_gamma_box", "epsilon_plus" })
        {
            foreach (Bn2Policy p in Enum.GetValues<Bn2Policy>())
            {
                data.Add(c, p);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void GraphWalkEqualsTheOldResNet1dWalk(string compositeName, Bn2Policy policy)
    {
        using var scope = NewDisposeScope();
        var (stored, _) = SafeTensors.Read(Path);
        using var model = new ResNet1d(ExplainTestModels.Config);
        model.to(ScalarType.Float64);
        model.load_state_dict(stored.Where(t => t.Key.StartsWith("model.", StringComparison.Ordinal)).ToDictionary(t => t.Key["model.".Length..], t => t.Value), strict: false);
        model.eval();
        Composite composite = compositeName == "epsilon_gamma_box" ? NamedComposites.EpsilonGammaBox(-3, 3) : NamedComposites.FromName(compositeName, new Dictionary<string, double>());
        using var attributor = Attributor.For(model, composite, policy);
        Tensor x = stored["x"];
        string p = $"{compositeName}.{policy.ToString().ToLowerInvariant()}";
        bool fold = policy == Bn2Policy.Fold;
        using AttributionResult lrp = attributor.Attribute(x, [4, 0, 2], fold ? ["blocks.0.out", "blocks.1.out"] : ["blocks.0.out", "blocks.1.out", "blocks.2.sum", "blocks.1.sum"]);
        AssertEqual(stored[$"{p}.logits"], lrp.Logits, "logits");
        AssertEqual(stored[$"{p}.input"], lrp.InputRelevance, "input");
        foreach (string node in lrp.Relevance.Keys)
        {
            AssertEqual(stored[$"{p}.rel.{node}"], lrp.Relevance[node], node);
        }
        var rows = new List<AttributionRow>
        {
            new(1, 4, [new Condition("blocks.1.out", [0])]),
            new(1, 4, [new Condition("blocks.1.out", [1, 2])]),
            new(0, 2, [new Condition("blocks.2.out", [3]), new Condition("blocks.0.out", [1, 2, 3])]),
            new(2, 4, []),
        };
        if (!fold)
        {
            rows.Add(new(1, 4, [new Condition("blocks.0.sum", [2])]));
            rows.Add(new(2, 1, [new Condition("blocks.2.sum", [0, 5]), new Condition("blocks.1.out", [1])]));
        }
        using AttributionResult crp = attributor.Attribute(x, rows, ["blocks.0.out"]);
        AssertEqual(stored[$"{p}.crp.input"], crp.InputRelevance, "crp input");
        AssertEqual(stored[$"{p}.crp.rel.blocks.0.out"], crp.Relevance["blocks.0.out"], "crp blocks.0.out");
    }

    private static void AssertEqual(Tensor expected, Tensor actual, string what)
    {
        Assert.Equal(expected.shape, actual.shape);
        double error = ExplainTestModels.MaxRelativeDifference(actual, expected);
        Assert.True(error <= 1e-12, $"{what}: relative difference {error}");
    }
}
