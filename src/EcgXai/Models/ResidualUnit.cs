using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EcgXai.Models;

/// <summary>
/// One residual unit of <see cref="ResNet1d"/>: main path conv1 → bn1 → ReLU → dropout → conv2 (strided);
/// skip path MaxPool + 1x1 conv on the previous pre-BN sum; <c>sum = conv2 + skip</c>; <c>out = dropout(ReLU(bn2(sum)))</c>.
/// Field names equal the PyTorch state_dict names.
/// </summary>
public sealed class ResidualUnit : nn.Module<Tensor, Tensor, (Tensor Out, Tensor Sum)>
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
        SkipPool = ds > 1;
        skip_connection = skip.Count > 0 ? nn.Sequential(skip) : null;
        dropout1 = nn.Dropout(config.Dropout);
        dropout2 = nn.Dropout(config.Dropout);
        RegisterComponents();
    }

    /// <summary>Downsampling factor of this unit.</summary>
    public int Downsample { get; }

    /// <summary>True when the skip path starts with a MaxPool.</summary>
    public bool SkipPool { get; }

    /// <summary>The 1x1 conv of the skip path, or null.</summary>
    public Conv1d? SkipConv => skip_connection?.children().OfType<Conv1d>().FirstOrDefault();

    /// <summary>Runs the unit on main input <paramref name="x"/> and skip input <paramref name="y"/> (previous pre-BN sum).</summary>
    public override (Tensor Out, Tensor Sum) forward(Tensor x, Tensor y)
    {
        Tensor skip = skip_connection is null ? y : skip_connection.forward(y);
        Tensor main = conv2.forward(dropout1.forward(nn.functional.relu(bn1.forward(conv1.forward(x)))));
        Tensor sum = main + skip;
        Tensor output = dropout2.forward(nn.functional.relu(bn2.forward(sum)));
        return (output, sum);
    }
}
