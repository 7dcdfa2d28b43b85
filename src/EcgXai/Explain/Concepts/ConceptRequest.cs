namespace EcgXai.Explain.Concepts;

/// <summary>One heatmap to compute: concept <paramref name="Channel"/> of <paramref name="Node"/> on record <paramref name="Record"/> of the input batch.</summary>
/// <param name="Record">Index of the record in the input batch.</param>
/// <param name="Node">The concept's node.</param>
/// <param name="Channel">The concept (channel).</param>
/// <param name="Time">For a concept-start heatmap: start at the concept's activation at this time index only (its peak, as
/// zennit-crp's RelMax with receptive fields); null = at every time. Conditional heatmaps ignore it.</param>
public sealed record ConceptRequest(int Record, string Node, int Channel, long? Time = null);
