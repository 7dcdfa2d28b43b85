using EcgXai.Explain.Graph;
using EcgXai.Explain.Attribution;
using EcgXai.Explain.Canonizers;
using EcgXai.Explain.Composites;
using EcgXai.IO;
using EcgXai.Models;
using static TorchSharp.torch;

namespace EcgXai.Explain.Concepts;

/// <summary>
/// The model side of a concept analysis: the loaded model and its attributor, which nodes can be recorded, and the one
/// explanation walk per batch that records every aggregated node at once and reduces it to <see cref="LayerBatch"/>es.
/// </summary>
public sealed class ConceptExplainer : IDisposable
{
    private readonly ResNet1d model;
    private readonly bool owns;

    /// <summary>An explainer over <paramref name="model"/> and its <paramref name="attributor"/> (both stay the caller's).</summary>
    public ConceptExplainer(ResNet1d model, Attributor attributor, Device device) : this(model, attributor, device, owns: false)
    {
    }

    private ConceptExplainer(ResNet1d model, Attributor attributor, Device device, bool owns)
    {
        this.model = model;
        this.owns = owns;
        Attributor = attributor;
        Device = device;
    }

    /// <summary>The attributor the walks run on.</summary>
    public Attributor Attributor { get; }

    /// <summary>Device of the model.</summary>
    public Device Device { get; }

    /// <summary>The model's configuration (inputs and classes).</summary>
    public ResNet1dConfig Config => model.Config;

    /// <summary>Loads <paramref name="modelPath"/> on <paramref name="device"/> and binds the composite and bn2 policy of <paramref name="choice"/>.</summary>
    public static ConceptExplainer Load(string modelPath, ExplainerChoice choice, Device device)
    {
        var (model, _) = Checkpoint.Load(modelPath, device);
        model.eval();
        return new ConceptExplainer(model, Attributor.For(model, choice.Build(), choice.Bn2), device, owns: true);
    }

    /// <summary>The model's graph (node definitions for receptive fields); the caller disposes it.</summary>
    public ModelGraph Graph() => model.ToGraph();

    /// <summary>Index of class <paramref name="target"/>; throws naming the model when it has no such output.</summary>
    public int TargetIndex(string modelPath, string target) => ModelClasses.IndexOf(Config.ClassNames, target, modelPath);

    /// <summary>
    /// The aggregated layers: <paramref name="nodes"/> (null = every recordable node) and, with <paramref name="positions"/>,
    /// the classifier input's positions; throws naming <paramref name="modelPath"/> (the model's file) for a node it does not have.
    /// </summary>
    public IReadOnlyList<ConceptLayer> Layers(string modelPath, IReadOnlyList<string>? nodes, bool positions)
    {
        var layers = (nodes ?? Attributor.ConceptNodes)
            .Select(n => Attributor.Graph.Contains(n) ? new ConceptLayer(n, Attributor.ChannelsOf(n)) : throw UnknownNode.In(modelPath, n, Attributor.ConceptNodes))
            .ToList();
        if (positions)
        {
            layers.Add(new ConceptLayer(Attributor.ClassifierInput, Config.LastLayerNodes, Positions: true));
        }
        return layers;
    }

    /// <summary>Explains every record of <paramref name="input"/> for class <paramref name="target"/> in one walk and reduces each of <paramref name="layers"/>.</summary>
    public IReadOnlyDictionary<string, LayerBatch> Explain(Tensor input, int target, IReadOnlyList<ConceptLayer> layers)
    {
        using var scope = NewDisposeScope();
        using AttributionResult attribution = Attributor.Attribute(input, Enumerable.Repeat(target, (int)input.shape[0]).ToArray(), layers.Select(l => l.Node).Distinct());
        return layers.ToDictionary(l => l.Key, l => l.Positions
            ? LayerBatch.Positions(attribution.Relevance[l.Node], attribution.Activations[l.Node])
            : LayerBatch.Channels(attribution.Relevance[l.Node], attribution.Activations[l.Node]));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (owns)
        {
            Attributor.Dispose();
            model.Dispose();
        }
    }
}
