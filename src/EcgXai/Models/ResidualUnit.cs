using EcgXai.Explain.Graph;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EcgXai.Models;

/// <summary>
/// One residual unit of <see cref="ResNet1d"/>: main path conv1 → bn1 → ReLU → dropout → conv2 (strided);
/// skip path MaxPool + 1x1 conv on the previous pre-BN sum; <c>sum = conv2 + skip</c>; <c>out = dropout(ReLU(bn2(sum)))</c>.
/// Field names equal the PyTorch state_dict names. The unit's forward exists once, as graph nodes bound to these
/// modules (<see cref="AppendTo"/>): training and explanation run the same nodes.
/// </summary>
public sealed class ResidualUnit : nn.Module
{
#pragma warning disable IDE1006 // names match PyTorch's state_dict
    /// <summary>First conv of the main path.</summary>
    public readonly Conv1d conv1;

    /// <summary>BatchNorm after conv1.</summary>
    public readonly BatchNorm1d bn1;

    /// <summary>Strided second conv of the main path.</summary>
    public readonly Conv1d conv2;

    /// <summary>BatchNorm after the residual sum.</summary>
    public readonly BatchNorm1d bn2;

    /// <summary>Skip path (MaxPool and/or 1x1 conv), or null when the skip is the identity.</summary>
    public readonly Sequential? skip_connection;
#pragma warning restore IDE1006

    private readonly Dropout dropout1;
    private readonly Dropout dropout2;

    /// <summary>Builds unit <paramref name="index"/> of <paramref name="config"/>.</summary>
    public ResidualUnit(ResNet1dConfig config, int index) : base($"blocks.{index}")
    {
        Index = index;
        int cin = config.InChannels(index), cout = config.Filters[index], ds = config.Downsample(index), k = config.KernelSize;
        Downsample = ds;
        conv1 = nn.Conv1d(cin, cout, k, padding: k / 2, bias: false);
        bn1 = nn.BatchNorm1d(cout);
        conv2 = nn.Conv1d(cout, cout, k, stride: ds, padding: Math.Max(0, (k - ds + 1) / 2), bias: false);
        bn2 = nn.BatchNorm1d(cout);
        var skip = new List<(string, nn.Module<Tensor, Tensor>)>();
        if (ds > 1)
        {
            skip.Add((skip.Count.ToString(), nn.MaxPool1d(ds, ds)));
        }
        if (cin != cout)
        {
            skip.Add((skip.Count.ToString(), nn.Conv1d(cin, cout, 1, bias: false)));
        }
        skip_connection = skip.Count > 0 ? nn.Sequential(skip) : null;
        dropout1 = nn.Dropout(config.Dropout);
        dropout2 = nn.Dropout(config.Dropout);
        RegisterComponents();
    }

    /// <summary>Position of the unit in the model.</summary>
    public int Index { get; }

    /// <summary>Downsampling factor of this unit.</summary>
    public int Downsample { get; }

    /// <summary>True when the skip path starts with a MaxPool.</summary>
    public bool SkipPool => SkipMaxPool is not null;

    /// <summary>The MaxPool of the skip path, or null.</summary>
    public MaxPool1d? SkipMaxPool => skip_connection?.children().OfType<MaxPool1d>().FirstOrDefault();

    /// <summary>The 1x1 conv of the skip path, or null.</summary>
    public Conv1d? SkipConv => skip_connection?.children().OfType<Conv1d>().FirstOrDefault();

    /// <summary>Graph name of the residual sum (before bn2), whose value also feeds the next unit's skip.</summary>
    public string SumName => $"blocks.{Index}.sum";

    /// <summary>Graph name of the unit output (after bn2, ReLU and dropout).</summary>
    public string OutName => $"blocks.{Index}.out";

    /// <summary>
    /// Appends the unit to <paramref name="graph"/> reading main input <paramref name="x"/> and skip input <paramref name="y"/>
    /// (the previous pre-BN sum): nodes <c>blocks.i.skip_connection.j</c>, <c>conv1</c>, <c>bn1</c>, <c>relu1</c>,
    /// <c>dropout1</c>, <c>conv2</c>, <c>sum</c>, <c>bn2</c>, <c>relu2</c>, <c>out</c> (dropout2), each bound to this unit's
    /// module. Returns the names of the output and the sum.
    /// </summary>
    public (string Out, string Sum) AppendTo(GraphBuilder graph, string x, string y)
    {
        string p = $"blocks.{Index}.";
        string skip = y;
        int position = 0;
        if (SkipMaxPool is { } pool)
        {
            skip = graph.Add(new MaxPool1dNode(p + $"skip_connection.{position++}", skip, Downsample, Downsample, module: pool));
        }
        if (SkipConv is { } skipConv)
        {
            skip = graph.Add(Conv(p + $"skip_connection.{position}", skip, skipConv));
        }
        string main = graph.Add(Conv(p + "conv1", x, conv1));
        main = graph.Add(Norm(p + "bn1", main, bn1));
        main = graph.Add(new ReluNode(p + "relu1", main));
        main = graph.Add(new IdentityNode(p + "dropout1", main, dropout1));
        main = graph.Add(Conv(p + "conv2", main, conv2));
        string sum = graph.Add(new AddNode(SumName, [main, skip]));
        string output = graph.Add(Norm(p + "bn2", sum, bn2));
        output = graph.Add(new ReluNode(p + "relu2", output));
        output = graph.Add(new IdentityNode(OutName, output, dropout2));
        return (output, sum);
    }

    /// <summary>A node running <paramref name="conv"/>, reading its parameters.</summary>
    internal static Conv1dNode Conv(string name, string input, Conv1d conv) =>
        new(name, input, conv.weight!, conv.bias, conv.stride[0], conv.padding![0], conv.dilation[0], conv);

    /// <summary>A node running <paramref name="bn"/>, reading its statistics and affine parameters.</summary>
    internal static BatchNorm1dNode Norm(string name, string input, BatchNorm1d bn) =>
        new(name, input, bn.running_mean!, bn.running_var!, bn.weight, bn.bias, bn.eps, bn);
}
