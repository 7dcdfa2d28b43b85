using System.Text.Json.Nodes;
using EcgXai.Explain.Attribution;
using EcgXai.Explain.Composites;
using EcgXai.Explain.Graph;
using EcgXai.Explain.Verification;
using EcgXai.IO;
using EcgXai.Tests.Support;
using static TorchSharp.torch;

namespace EcgXai.Tests.Explain.Attribution;

/// <summary>
/// The lrp-graph fixtures (zennit 0.4.6 + zennit-crp 0.6.0) on graphs built from their weights by hand, independent of
/// the ONNX importer: every tensor, CRP rows included, within 1e-6. <c>xresnet-crp-branch</c> conditions on
/// <c>blocks.i.relu1</c>, inside the main branch and parallel to the skip: it pins exclude_parallel (zennit-crp with
/// exclude_parallel=False differs from it by more than 100 times its largest value).
/// </summary>
public class GraphFixtureTests
{
    [SkippableTheory]
    [InlineData("xresnet-crp-branch")]
    [InlineData("xresnet-epsilon-plus-flat")]
    [InlineData("cnn-epsilon-plus-flat")]
    public void HandBuiltGraphReproducesTheZennitReference(string name)
    {
        string manifestPath = SharedData.Require($"fixtures/lrp-graph/{name}.json");
        using var scope = NewDisposeScope();
        JsonObject manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!.AsObject();
        var (tensors, _) = SafeTensors.Read(Path.ChangeExtension(manifestPath, ".safetensors"));
        JsonObject model = manifest["model"]!.AsObject();
        int widths = model["widths"]!.AsArray().Count;
        long leads = model["leads"]!.GetValue<long>(), length = model["length"]!.GetValue<long>();
        using ModelGraph graph = model["architecture"]!.GetValue<string>() == "xresnet"
            ? XResNetFixtureGraph.Build(tensors, widths, leads, length)
            : Cnn(tensors, widths, leads, length);
        Composite composite = NamedComposites.FromName(manifest["composite"]!.GetValue<string>(),
            manifest["composite_params"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<double>()));
        using var attributor = new Attributor(graph, composite);
        JsonObject crp = manifest["crp"]!.AsObject();
        var request = new ReferenceRequest(manifest["target"]!.GetValue<int>(), crp["sample"]!.GetValue<int>(),
            manifest["layers_recorded"]!.AsArray().Select(n => n!.GetValue<string>()).ToArray(),
            crp["concepts_per_layer"]!.AsObject().ToDictionary(c => c.Key, c => (IReadOnlyList<int>)c.Value!.AsArray().Select(n => n!.GetValue<int>()).ToArray()));
        var computed = ReferenceVerifier.Recompute(manifestPath, tensors, request, attributor);
        string[] order = manifest["tensors"]!.AsObject().Select(t => t.Key).Where(k => k != "ref.lrp.input").ToArray();
        ReferenceVerification result = ReferenceVerifier.Compare(order, tensors, computed);
        Assert.Equal(order.Length - 1, result.Errors.Count);
        Assert.True(result.Passed(), $"worst {result.Worst.Key} {result.Worst.Value}");
        Assert.Contains(result.Errors, e => e.Key.StartsWith("ref.crp.", StringComparison.Ordinal));
    }

    /// <summary>The fixtures' plain CNN: stages conv → BN → ReLU (module indices 0,1,2; 4,5,6; …), a MaxPool(2) after the first, global average pool, Linear.</summary>
    private static ModelGraph Cnn(IReadOnlyDictionary<string, Tensor> w, int stages, long leads, long length)
    {
        var g = new GraphBuilder("ecg", [leads, length]);
        string x = g.Input;
        int module = 0;
        for (int s = 0; s < stages; s++)
        {
            Tensor weight = w[$"features.{module}.weight"];
            x = g.Add(new Conv1dNode($"features.{module}", x, weight, w[$"features.{module}.bias"], padding: weight.shape[2] / 2));
            string bn = $"features.{module + 1}";
            x = g.Add(new BatchNorm1dNode(bn, x, w[bn + ".running_mean"], w[bn + ".running_var"], w[bn + ".weight"], w[bn + ".bias"], 1e-5));
            x = g.Add(new ReluNode($"features.{module + 2}", x));
            module += 3;
            if (s == 0)
            {
                x = g.Add(new MaxPool1dNode($"features.{module++}", x, 2));
            }
        }
        string flat = g.Add(new FlattenNode("flatten", g.Add(new AvgPool1dNode("pool", x, null))));
        g.Add(new LinearNode("head", flat, w["head.weight"], w["head.bias"]));
        return g.Build();
    }
}
