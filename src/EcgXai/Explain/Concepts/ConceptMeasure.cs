namespace EcgXai.Explain.Concepts;

/// <summary>The per-record values of a concept whose mean and spread are aggregated.</summary>
public enum ConceptMeasure
{
    /// <summary>Relevance summed over time.</summary>
    Relevance,

    /// <summary>Relevance summed over time divided by the record's sum over channels of |that sum| (zennit-crp's <c>abs_norm</c>; the study's mean relevance).</summary>
    NormalisedRelevance,

    /// <summary>Largest activation over time.</summary>
    ActivationMax,

    /// <summary>Activation summed over time.</summary>
    ActivationSum,
}
