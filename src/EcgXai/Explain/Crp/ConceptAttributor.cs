using EcgXai.Explain.Lrp;
using static TorchSharp.torch;

namespace EcgXai.Explain.Crp;

/// <summary>
/// Conditional heatmaps of many concepts of one record: one batch row per channel set, all conditioned on the same
/// layer and target, sharing one forward of the record and one backward pass above the layer.
/// </summary>
/// <param name="Attributor">The attributor that runs the walk.</param>
public sealed record ConceptAttributor(Attributor Attributor)
{
    /// <summary>
    /// Row i explains record <paramref name="record"/> of <paramref name="input"/> for class <paramref name="target"/>
    /// through the channels <paramref name="channelSets"/>[i] of <paramref name="layer"/> only.
    /// </summary>
    public Attribution Attribute(Tensor input, int record, int target, string layer, IReadOnlyList<IReadOnlyList<int>> channelSets,
        IEnumerable<string>? recordLayers = null)
    {
        if (record < 0 || record >= input.shape[0])
        {
            throw new ArgumentException($"record {record} is outside the {input.shape[0]} records of the input");
        }
        using var one = input.narrow(0, record, 1);
        var rows = channelSets.Select(set => new AttributionRow(0, target, [new Condition(layer, set)])).ToArray();
        return Attributor.Attribute(one, rows, recordLayers);
    }
}
