using EcgXai.Explain.Crp;
using EcgXai.Models;
using static TorchSharp.torch;

namespace EcgXai.Explain.Lrp;

/// <summary>
/// Recomputes every <c>ref.*</c> tensor of a <see cref="ReferenceFixture"/> in float64 (logits, LRP input relevance per
/// lead and summed, relevance/activation/concept relevance per recorded layer, CRP input relevance per concept) and
/// compares each to the reference.
/// </summary>
public static class ReferenceVerifier
{
    /// <summary>Loads the fixture at <paramref name="manifestPath"/> and returns the error of every reference tensor.</summary>
    public static ReferenceVerification Verify(string manifestPath)
    {
        using ReferenceFixture fixture = ReferenceFixture.Load(manifestPath);
        using ResNet1d model = fixture.BuildModel();
        using var attributor = new Attributor(model, fixture.Composite, fixture.Policy);
        using var scope = NewDisposeScope();
        Dictionary<string, Tensor> computed = Recompute(fixture, attributor);
        var errors = new List<KeyValuePair<string, double>>();
        foreach (string name in fixture.TensorOrder.Where(n => n != "ref.x"))
        {
            double error = double.PositiveInfinity;
            if (computed.TryGetValue(name, out Tensor? mine) && fixture.Tensors.TryGetValue(name, out Tensor? reference)
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

    private static Dictionary<string, Tensor> Recompute(ReferenceFixture fixture, Attributor attributor)
    {
        Tensor x = fixture.Tensors.TryGetValue("ref.x", out Tensor? input) ? input
            : throw new IO.EcgXaiException(fixture.Path, "the fixture has no ref.x input");
        var computed = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        var unknown = fixture.LayersRecorded.Concat(fixture.ConceptsPerLayer.Keys).Except(attributor.RecordableLayers).FirstOrDefault();
        if (unknown is not null)
        {
            throw new IO.EcgXaiException(fixture.Path, $"layer '{unknown}' is not a layer of the model");
        }
        Attribution lrp = attributor.Attribute(x, Enumerable.Repeat(fixture.Target, (int)x.shape[0]).ToArray(), fixture.LayersRecorded);
        computed["ref.logits"] = lrp.Logits;
        computed["ref.lrp.input_per_lead"] = lrp.InputRelevance;
        computed["ref.lrp.input"] = lrp.InputRelevance.sum(1);
        foreach (string layer in fixture.LayersRecorded)
        {
            computed[$"ref.lrp.{layer}"] = lrp.Relevance[layer];
            computed[$"ref.act.{layer}"] = lrp.Activations[layer];
            computed[$"ref.concept_relevance.{layer}"] = ConceptRelevance.PerChannel(lrp.Relevance[layer]);
        }
        var concepts = new ConceptAttributor(attributor);
        foreach (var (layer, channels) in fixture.ConceptsPerLayer)
        {
            Attribution crp = concepts.Attribute(x, fixture.CrpSample, fixture.Target, layer, channels.Select(c => (IReadOnlyList<int>)[c]).ToArray());
            computed[$"ref.crp.{layer}.input_per_lead"] = crp.InputRelevance;
        }
        return computed;
    }
}
