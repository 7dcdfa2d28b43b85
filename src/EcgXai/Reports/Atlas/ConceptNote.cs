namespace EcgXai.Reports.Atlas;

/// <summary>
/// A clinical expert's interpretation of one concept: keyed by the model file's SHA-256, the layer and the channel, so
/// that a note never attaches to another model's concepts.
/// </summary>
/// <param name="ModelSha256">Lower-case hex SHA-256 of the model file.</param>
/// <param name="Layer">The graph node the concept is a channel of, e.g. <c>blocks.3.out</c>.</param>
/// <param name="Channel">The channel index.</param>
/// <param name="Verdict">One of <see cref="Verdicts"/>, or empty when none was given.</param>
/// <param name="Note">Free text.</param>
/// <param name="Updated">When the note was last edited (ISO 8601, UTC); the newer of two notes on one concept wins a merge.</param>
public sealed record ConceptNote(string ModelSha256, string Layer, int Channel, string Verdict, string Note, string Updated)
{
    /// <summary>The verdicts a note may carry.</summary>
    public static IReadOnlyList<string> Verdicts { get; } = ["interpretable", "mixed", "unclear"];

    /// <summary>The key that identifies the concept.</summary>
    public (string Model, string Layer, int Channel) Key => (ModelSha256, Layer, Channel);
}
