using System.Text.Json.Serialization;

namespace EcgXai.Explain.Concepts;

/// <summary>One line of the reference table: the <paramref name="Rank"/>-th reference of a concept by one <see cref="ReferenceKind"/>, over all datasets.</summary>
public sealed record ReferenceRow(
    [property: JsonPropertyName("layer")] string Layer,
    [property: JsonPropertyName("concept")] int Concept,
    [property: JsonPropertyName("kind")] ReferenceKind Kind,
    [property: JsonPropertyName("rank")] int Rank,
    [property: JsonPropertyName("reference")] ReferenceEntry Reference);
