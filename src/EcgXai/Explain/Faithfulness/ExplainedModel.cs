using EcgXai.Explain.Lrp;
using EcgXai.Models;

namespace EcgXai.Explain.Faithfulness;

/// <summary>
/// A model as the faithfulness analyses see it: flip places by name (the input, and nodes where the forward restarts)
/// and one relevance source per explanation variant.
/// </summary>
/// <param name="Model">The model, in eval mode.</param>
public sealed record ExplainedModel(ResNet1d Model)
{
    /// <summary>Class names in logit order.</summary>
    public IReadOnlyList<string> ClassNames => Model.Config.ClassNames;

    /// <summary>The dtype inputs must have.</summary>
    public TorchSharp.torch.ScalarType ScalarType => Model.lin.weight!.dtype;

    /// <summary>The classifier input's node name.</summary>
    public string ClassifierInput => ModelPlaces.ClassifierInputName(Model.Config);

    /// <summary>The place called <paramref name="name"/>: <c>input</c> or a node where the forward can restart.</summary>
    public IFlipPlace Place(string name) => name == ModelPlaces.InputName ? ModelPlaces.Input(Model)
        : name == ClassifierInput ? ModelPlaces.ClassifierInput(Model)
        : throw new ArgumentException($"cannot restart the forward at '{name}' (places: {ModelPlaces.InputName}, {ClassifierInput})");

    /// <summary>The relevance source of <paramref name="variant"/>; <paramref name="box"/> bounds EpsilonGammaBox's stem, <paramref name="seed"/> seeds the random order.</summary>
    public IRelevanceSource Source(ExplanationVariant variant, InputBox box, int seed) => variant.Kind switch
    {
        VariantKind.Lrp => new LrpRelevance(Model, Composite.FromName(variant.Composite!, variant.Composite == "epsilon_gamma_box"
            ? new Dictionary<string, double> { ["box_low"] = box.Low, ["box_high"] = box.High }
            : new Dictionary<string, double>()), variant.Bn2),
        VariantKind.GradientTimesInput => new GradientTimesInput(),
        _ => new RandomRelevance(seed),
    };
}
