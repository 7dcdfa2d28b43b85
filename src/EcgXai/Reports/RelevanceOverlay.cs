using EcgXai.IO;

namespace EcgXai.Reports;

/// <summary>Relevance per lead and sample drawn over a record by <see cref="EcgPlot"/>, e.g. an LRP heatmap for one class.</summary>
/// <param name="Leads">Lead names, in the order of <paramref name="Values"/>' rows (matched to the record's leads by name).</param>
/// <param name="Values">Relevance laid out <c>[lead, sample]</c>, one sample per record sample.</param>
/// <param name="Caption">What the relevance explains, shown in the title (e.g. "LRP relevance for AF").</param>
public sealed record RelevanceOverlay(IReadOnlyList<string> Leads, float[] Values, string Caption)
{
    /// <summary>Samples per lead.</summary>
    public int Samples => Leads.Count == 0 ? 0 : Values.Length / Leads.Count;

    /// <summary>The relevance of lead <paramref name="lead"/>, or an empty span when it has none.</summary>
    public ReadOnlySpan<float> Lead(string lead)
    {
        int index = Leads.ToList().IndexOf(lead);
        return index < 0 ? [] : Values.AsSpan(index * Samples, Samples);
    }

    /// <summary>Throws when the overlay does not fit a record of <paramref name="samples"/> samples.</summary>
    public void Check(string source, int samples)
    {
        if (Leads.Count == 0 || Values.Length != Leads.Count * samples)
        {
            throw new EcgXaiException(source, $"relevance holds {Values.Length} values for {Leads.Count} leads, the record {samples} samples per lead");
        }
    }
}
