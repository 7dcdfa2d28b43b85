using EcgXai.Explain.Composites;
using EcgXai.Explain.Graph;
using EcgXai.IO;
using EcgXai.Models;

namespace EcgXai.Explain.Attribution;

/// <summary>
/// The rule of every node of an explained graph (<c>ecgxai rules</c>): the graph after canonization (BatchNorms folded
/// into the conv before them, the Ribeiro bn2 by its policy), one line per node in topological order.
/// </summary>
public static class RuleTable
{
    /// <summary>Header of the printed table.</summary>
    public const string Header = "node\tkind\tshape\trule\twhy";

    /// <summary>The lines of <paramref name="attributor"/>'s explained graph.</summary>
    public static IReadOnlyList<NodeRuleLine> Describe(Attributor attributor) =>
        attributor.Graph.Nodes.Select(n =>
        {
            RuleChoice choice = attributor.RuleOf(n.Name);
            return new NodeRuleLine(n.Name, n.Kind, attributor.Graph.ShapeOf(n.Name), choice.RuleText, choice.Why);
        }).ToArray();

    /// <summary>
    /// Loads the model of <paramref name="options"/> (<see cref="ModelLoader"/>, or a fresh ResNet1d of the preset), binds
    /// the composite and describes every node. A bn2 policy other than gradient on an ONNX model is refused.
    /// </summary>
    public static IReadOnlyList<NodeRuleLine> Run(RulesOptions options)
    {
        Composite composite;
        try
        {
            composite = NamedComposites.FromName(options.Composite, options.Parameters ?? new Dictionary<string, double>());
        }
        catch (ArgumentException e)
        {
            throw new EcgXaiException(options.ModelPath ?? options.Preset, e.Message, e);
        }
        var device = TorchDevice.Resolve(options.Device);
        using LoadedModel model = options.ModelPath is { } path
            ? ModelLoader.Load(path, new ModelLoadOptions(device))
            : ModelLoader.Fresh(ResNet1dConfig.FromPreset(options.Preset), device);
        if (model.Model is null && options.Policy != Canonizers.Bn2Policy.Gradient)
        {
            throw new EcgXaiException(model.Source, $"the bn2 policy {options.Policy} applies to the Ribeiro ResNet only, not to an ONNX graph");
        }
        using Attributor attributor = model.Model is { } resnet ? Attributor.For(resnet, composite, options.Policy) : new Attributor(model.Graph, composite);
        return Describe(attributor);
    }
}
