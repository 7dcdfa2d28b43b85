using EcgXai.IO;
using EcgXai.Explain.Attribution;
using EcgXai.Explain.Graph;
using EcgXai.Explain.Graph.Onnx;
using EcgXai.Explain.Crp;
using EcgXai.Models;
using static TorchSharp.torch;

namespace EcgXai.Explain.Verification;

/// <summary>
/// Recomputes every <c>ref.*</c> tensor of a <see cref="ReferenceFixture"/> in float64 (logits, LRP input relevance per
/// lead and summed, relevance/activation/concept relevance per recorded layer, CRP input relevance per concept) and
/// compares each to the reference.
/// </summary>
public static class ReferenceVerifier
{
    /// <summary>
    /// Loads the fixture at <paramref name="manifestPath"/> and returns the error of every reference tensor. A Ribeiro
    /// fixture runs its <see cref="ResNet1d"/> with the fixture's bn2 policy; a graph fixture runs the graph imported
    /// from its ONNX file (<see cref="ReferenceFixture.OnnxModel"/>) with every BatchNorm folded into its conv.
    /// </summary>
    public static ReferenceVerification Verify(string manifestPath)
    {
        using ReferenceFixture fixture = ReferenceFixture.Load(manifestPath);
        using var scope = NewDisposeScope();
        if (fixture.OnnxModel is { } onnx)
        {
            using ModelGraph graph = OnnxImporter.Import(onnx, new ModelLoadOptions(CPU));
            using var attributor = new Attributor(graph, fixture.Composite);
            return Check(fixture, attributor);
        }
        using ResNet1d model = fixture.BuildModel();
        using var ribeiro = Attributor.For(model, fixture.Composite, fixture.Policy);
        return Check(fixture, ribeiro);
    }

    private static ReferenceVerification Check(ReferenceFixture fixture, Attributor attributor) =>
        Compare(fixture.TensorOrder, fixture.Tensors, Recompute(fixture.Path, fixture.Tensors,
            new ReferenceRequest(fixture.Target, fixture.CrpSample, fixture.LayersRecorded, fixture.ConceptsPerLayer), attributor));

    /// <summary>
    /// The error (max abs error / max abs reference) of every tensor of <paramref name="order"/> but <c>ref.x</c>:
    /// <paramref name="computed"/> against <paramref name="references"/>; +∞ when missing or of another shape.
    /// </summary>
    public static ReferenceVerification Compare(IReadOnlyList<string> order, IReadOnlyDictionary<string, Tensor> references, IReadOnlyDictionary<string, Tensor> computed)
    {
        using var scope = NewDisposeScope();
        var errors = new List<KeyValuePair<string, double>>();
        foreach (string name in order.Where(n => n != "ref.x"))
        {
            double error = double.PositiveInfinity;
            if (computed.TryGetValue(name, out Tensor? mine) && references.TryGetValue(name, out Tensor? reference)
                && mine.shape.SequenceEqual(reference.shape))
            {
                double scale = reference.abs().max().item<double>();
                double diff = (mine.to_type(ScalarType.Float64) - reference).abs().max().item<double>();
                error = scale > 0 ? diff / scale : diff;
            }
            errors.Add(new(name, error));
        }
        return new ReferenceVerification(errors);
    }

    /// <summary>
    /// Recomputes the <c>ref.*</c> tensors of the fixture at <paramref name="path"/> (input <c>ref.x</c> in
    /// <paramref name="tensors"/>) with <paramref name="attributor"/>: logits, LRP input relevance per lead (and summed), per
    /// recorded layer its relevance, activation and concept relevance, and per CRP layer the input relevance of the sample
    /// conditioned on each concept (one row each). Usable for any graph (ResNet1d or ONNX fixtures).
    /// </summary>
    public static Dictionary<string, Tensor> Recompute(string path, IReadOnlyDictionary<string, Tensor> tensors, ReferenceRequest request, Attributor attributor)
    {
        (int target, int sample, IReadOnlyList<string> layers, IReadOnlyDictionary<string, IReadOnlyList<int>> concepts) = request;
        Tensor x = tensors.TryGetValue("ref.x", out Tensor? input) ? input
            : throw new EcgXaiException(path, "the fixture has no ref.x input");
        var computed = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        var unknown = layers.Concat(concepts.Keys).Except(attributor.Nodes).FirstOrDefault();
        if (unknown is not null)
        {
            throw new EcgXaiException(path, $"layer '{unknown}' is not a node of the explained graph");
        }
        AttributionResult lrp = attributor.Attribute(x, Enumerable.Repeat(target, (int)x.shape[0]).ToArray(), layers);
        computed["ref.logits"] = lrp.Logits;
        computed["ref.lrp.input_per_lead"] = lrp.InputRelevance;
        computed["ref.lrp.input"] = lrp.InputRelevance.sum(1);
        foreach (string layer in layers)
        {
            computed[$"ref.lrp.{layer}"] = lrp.Relevance[layer];
            computed[$"ref.act.{layer}"] = lrp.Activations[layer];
            computed[$"ref.concept_relevance.{layer}"] = ConceptRelevance.PerChannel(lrp.Relevance[layer]);
        }
        var conceptAttributor = new ConceptAttributor(attributor);
        foreach (var (layer, channels) in concepts)
        {
            AttributionResult crp = conceptAttributor.Attribute(x, sample, target, layer, channels.Select(c => (IReadOnlyList<int>)[c]).ToArray());
            computed[$"ref.crp.{layer}.input_per_lead"] = crp.InputRelevance;
        }
        return computed;
    }
}
