namespace EcgXai.Explain.Concepts;

/// <summary>One heatmap to compute: concept <paramref name="Channel"/> of <paramref name="Node"/> on record <paramref name="Record"/> of the input batch.</summary>
/// <param name="Record">Index of the record in the input batch.</param>
/// <param name="Node">The concept's node.</param>
/// <param name="Channel">The concept (channel).</param>
public sealed record ConceptRequest(int Record, string Node, int Channel);
