using EcgXai.Explain.Graph;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EcgXai.Models;

/// <summary>
/// The Ribeiro et al. (2020) 1-D residual network: stem conv + BN (no ReLU), residual units
/// (<see cref="ResidualUnit"/>), channel-major flatten and a linear head giving logits.
/// Parameter names equal PyTorch's state_dict of the reference port, so weights move both ways.
/// </summary>
public sealed class ResNet1d : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // names match PyTorch's state_dict
    /// <summary>Stem convolution.</summary>
    public readonly Conv1d conv1;

    /// <summary>Stem BatchNorm.</summary>
    public readonly BatchNorm1d bn1;

    /// <summary>Residual units.</summary>
    public readonly ModuleList<ResidualUnit> blocks;

    /// <summary>Linear classifier on the flattened last unit output.</summary>
    public readonly Linear lin;
#pragma warning restore IDE1006

    /// <summary>Builds an untrained model for <paramref name="config"/> (validated first).</summary>
    public ResNet1d(ResNet1dConfig config) : base(nameof(ResNet1d))
    {
        config.Validate();
        Config = config;
        int k = config.KernelSize;
        conv1 = nn.Conv1d(config.LeadCount, config.Filters[0], k, padding: k / 2, bias: false);
        bn1 = nn.BatchNorm1d(config.Filters[0]);
        blocks = nn.ModuleList(Enumerable.Range(0, config.BlockCount).Select(i => new ResidualUnit(config, i)).ToArray());
        lin = nn.Linear(config.LastLayerNodes, config.ClassCount);
        RegisterComponents();
    }

    /// <summary>The configuration this model was built from.</summary>
    public ResNet1dConfig Config { get; }

    /// <summary>Logits <c>(batch, classes)</c> for input <c>(batch, leads, Lengths[0])</c>, through <see cref="ToGraph"/>.</summary>
    public override Tensor forward(Tensor input)
    {
        using ModelGraph graph = ToGraph();
        return graph.Forward(input);
    }

    /// <summary>
    /// The model as a graph whose nodes run this model's modules and read its current parameters (borrowed, not copied):
    /// <c>conv1</c>, <c>bn1</c>, the units' nodes (<see cref="ResidualUnit.AppendTo"/>), <c>flatten</c>, <c>lin</c>. The
    /// model's one forward; in training mode the modules use batch statistics and dropout. Input name <c>input</c>.
    /// </summary>
    public ModelGraph ToGraph()
    {
        var graph = new GraphBuilder("input", [Config.LeadCount, Config.InputLength]);
        string x = graph.Add(ResidualUnit.Conv("conv1", graph.Input, conv1));
        x = graph.Add(ResidualUnit.Norm("bn1", x, bn1));
        string y = x;
        foreach (ResidualUnit unit in blocks)
        {
            (x, y) = unit.AppendTo(graph, x, y);
        }
        string flat = graph.Add(new FlattenNode("flatten", x));
        graph.Add(new LinearNode("lin", flat, lin.weight!, lin.bias, lin));
        return graph.Build(metadata: new GraphMetadata(Config.SampleRate, Config.LeadNames, Config.ClassNames,
            blocks.SelectMany(b => new[] { b.SumName, b.OutName }).ToArray()));
    }

    /// <summary>Number of trainable parameters.</summary>
    public long ParameterCount => parameters().Sum(p => p.numel());
}
