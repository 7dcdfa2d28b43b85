namespace EcgXai.Reports;

/// <summary>What a concept card shows: the concept, its reference samples, and its per-lead and per-wave relevance shares and purity when known.</summary>
/// <param name="Layer">The graph node the concept is a channel of.</param>
/// <param name="Channel">The channel.</param>
/// <param name="Target">The class explained.</param>
/// <param name="References">Reference samples, best first.</param>
public sealed record ConceptCardData(string Layer, int Channel, string Target, IReadOnlyList<ConceptReference> References)
{
    /// <summary>Share of the concept's relevance per lead.</summary>
    public IReadOnlyList<(string Lead, double Share)> LeadShares { get; init; } = [];

    /// <summary>Share of the concept's positive relevance per wave class (P, PR, QRS, ST, T, TP, f-wave).</summary>
    public IReadOnlyList<(string Wave, double Share)> WaveShares { get; init; } = [];

    /// <summary>1 − normalised entropy of the wave shares, when computed.</summary>
    public double? Purity { get; init; }
}
