using System.Text.Json.Serialization;

namespace EcgXai.Explain.Concepts;

/// <summary>
/// A recorded node whose concepts are aggregated: its channels, or, with <paramref name="Positions"/>, its (channel,
/// time) positions (the classifier input's, in the study). Positions keep RelMax/ActMax "sum" lists only (their sum and
/// maximum coincide) and no bootstrap.
/// </summary>
/// <param name="Node">Graph node name (e.g. <c>blocks.4.out</c>).</param>
/// <param name="Concepts">Channels, or channels x time for positions.</param>
/// <param name="Positions">True when each (channel, time) position is a concept.</param>
public sealed record ConceptLayer(
    [property: JsonPropertyName("node")] string Node,
    [property: JsonPropertyName("concepts")] int Concepts,
    [property: JsonPropertyName("positions")] bool Positions = false)
{
    /// <summary>Suffix of the key of a node's positions.</summary>
    public const string PositionsSuffix = ":positions";

    /// <summary>Name in tables: the node, or <c>node:positions</c>.</summary>
    [JsonIgnore] public string Key => Positions ? Node + PositionsSuffix : Node;

    /// <summary>The reference lists kept for this layer.</summary>
    [JsonIgnore]
    public IReadOnlyList<ReferenceKind> Kinds => Positions ? [ReferenceKind.RelevanceSum, ReferenceKind.ActivationSum] : Enum.GetValues<ReferenceKind>();
}
