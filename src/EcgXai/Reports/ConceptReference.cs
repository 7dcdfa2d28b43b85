namespace EcgXai.Reports;

/// <summary>One reference sample of a concept: a record cropped to the concept's receptive field, in one lead, with the concept's conditional heatmap there.</summary>
/// <param name="RecordId">The record the sample comes from.</param>
/// <param name="Lead">The lead shown (usually the one holding most of the concept's relevance).</param>
/// <param name="Signal">The crop, in mV.</param>
/// <param name="Relevance">The conditional heatmap over the crop, one value per sample.</param>
/// <param name="SampleRate">Samples per second.</param>
/// <param name="StartSample">Where the crop starts in the record.</param>
/// <param name="Value">The reference's score (relevance or activation by which it was chosen).</param>
public sealed record ConceptReference(string RecordId, string Lead, float[] Signal, float[] Relevance, double SampleRate, int StartSample, double Value);
