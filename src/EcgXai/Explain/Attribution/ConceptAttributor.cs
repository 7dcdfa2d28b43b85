using static TorchSharp.torch;

namespace EcgXai.Explain.Attribution;

/// <summary>
/// Conditional heatmaps of many concepts of one record: one batch row per channel set, all conditioned on the same
/// node and target, sharing one forward of the record and one backward pass above the node.
/// </summary>
/// <param name="Attributor">The attributor that runs the walk.</param>
public sealed record ConceptAttributor(Attributor Attributor)
{
    /// <summary>
    /// Row i explains record <paramref name="record"/> of <paramref name="input"/> for class <paramref name="target"/>
    /// through the channels <paramref name="channelSets"/>[i] of <paramref name="node"/> only.
    /// </summary>
    public AttributionResult Attribute(Tensor input, int record, int target, string node, IReadOnlyList<IReadOnlyList<int>> channelSets,
        IEnumerable<string>? recordNodes = null)
    {
        if (record < 0 || record >= input.shape[0])
        {
            throw new ArgumentException($"record {record} is outside the {input.shape[0]} records of the input");
        }
        using var one = input.narrow(0, record, 1);
        var rows = channelSets.Select(set => new AttributionRow(0, target, [new Condition(node, set)])).ToArray();
        return Attributor.Attribute(one, rows, recordNodes);
    }
}
