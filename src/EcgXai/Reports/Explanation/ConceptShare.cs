namespace EcgXai.Reports.Explanation;

/// <summary>One concept (channel) of a layer in one record's explanation.</summary>
/// <param name="Channel">Channel of the layer.</param>
/// <param name="Relevance">Relevance of the channel summed over time.</param>
/// <param name="Share">Relevance divided by the sum of absolute relevance over the layer's channels (zennit-crp's abs_norm).</param>
/// <param name="Heatmap">File name of its conditional heatmap PNG, relative to the record's folder.</param>
public sealed record ConceptShare(int Channel, double Relevance, double Share, string Heatmap);
