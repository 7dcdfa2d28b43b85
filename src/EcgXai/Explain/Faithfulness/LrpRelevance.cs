using EcgXai.Explain.Attribution;
using EcgXai.Explain.Canonizers;
using EcgXai.Explain.Composites;
using EcgXai.Models;
using static TorchSharp.torch;

namespace EcgXai.Explain.Faithfulness;

/// <summary>
/// LRP relevance of one composite and bn2 policy, summed over each feature: of the input heatmap at the input, of the
/// recorded relevance at a node.
/// </summary>
public sealed class LrpRelevance : IRelevanceSource
{
    private readonly Attributor attributor;

    /// <summary>Binds <paramref name="composite"/> under <paramref name="policy"/> to <paramref name="model"/>.</summary>
    public LrpRelevance(ResNet1d model, Composite composite, Bn2Policy policy) => attributor = Attributor.For(model, composite, policy);

    /// <inheritdoc />
    public IReadOnlyList<Tensor> Relevance(Tensor input, IReadOnlyList<int> targets, IReadOnlyList<IFlipPlace> places, IReadOnlyList<IFlipSession> sessions,
        IReadOnlyList<FeatureGrid> grids)
    {
        string[] layers = places.Select(p => p.Name).Where(n => n != GraphPlace.InputName).ToArray();
        using AttributionResult attribution = attributor.Attribute(input.to(attributor.ScalarType), targets, layers);
        return places.Select((p, i) => grids[i].Relevance(p.Name == GraphPlace.InputName ? attribution.InputRelevance : attribution.Relevance[p.Name])).ToArray();
    }

    /// <inheritdoc />
    public void Dispose() => attributor.Dispose();
}
