using TorchSharp;
using EcgXai.Explain.Graph;
using EcgXai.Explain.Attribution;
using EcgXai.Explain.Canonizers;
using EcgXai.Explain.Composites;
using EcgXai.Models;

namespace EcgXai.Explain.Faithfulness;

/// <summary>
/// A model as the faithfulness analyses see it: its graph, whose input and nodes are flip places (the forward restarts
/// there), and one relevance source per explanation variant. Owns the graph, not the model.
/// </summary>
public sealed class ExplainedModel : IDisposable
{
    /// <summary>Wraps <paramref name="model"/> (in eval mode) and builds its graph.</summary>
    public ExplainedModel(ResNet1d model)
    {
        Model = model;
        Graph = model.ToGraph();
        ClassifierInput = Graph.Nodes.OfType<FlattenNode>().Select(n => n.Inputs[0]).LastOrDefault()
            ?? throw new ArgumentException("the model graph has no flatten before its classifier");
    }

    /// <summary>The model.</summary>
    public ResNet1d Model { get; }

    /// <summary>Its graph (the one forward).</summary>
    public ModelGraph Graph { get; }

    /// <summary>Class names in logit order.</summary>
    public IReadOnlyList<string> ClassNames => Graph.Metadata.ClassNames ?? Model.Config.ClassNames;

    /// <summary>The dtype inputs must have.</summary>
    public torch.ScalarType ScalarType => Graph.DType;

    /// <summary>The node feeding the classifier's flatten, whose (channel, time) positions are the pruning units.</summary>
    public string ClassifierInput { get; }

    /// <summary>The place called <paramref name="name"/>: <see cref="GraphPlace.InputName"/> or a node of the graph.</summary>
    public IFlipPlace Place(string name) => new GraphPlace(Graph, name);

    /// <summary>The relevance source of <paramref name="variant"/>; <paramref name="box"/> bounds EpsilonGammaBox's stem, <paramref name="seed"/> seeds the random order.</summary>
    public IRelevanceSource Source(ExplanationVariant variant, InputBox box, int seed) => variant.Kind switch
    {
        VariantKind.Lrp => new LrpRelevance(Model, NamedComposites.FromName(variant.Composite!, variant.Composite == "epsilon_gamma_box"
            ? new Dictionary<string, double> { ["box_low"] = box.Low, ["box_high"] = box.High }
            : new Dictionary<string, double>()), variant.Bn2),
        VariantKind.GradientTimesInput => new GradientTimesInput(),
        _ => new RandomRelevance(seed),
    };

    /// <inheritdoc />
    public void Dispose() => Graph.Dispose();
}
