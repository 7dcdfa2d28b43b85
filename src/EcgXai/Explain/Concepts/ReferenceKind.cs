namespace EcgXai.Explain.Concepts;

/// <summary>What a concept's reference list ranks records by (zennit-crp's RelMax/ActMax with <c>"sum"</c> or <c>"max"</c>).</summary>
public enum ReferenceKind
{
    /// <summary>RelMax "sum": relevance summed over time.</summary>
    RelevanceSum,

    /// <summary>RelMax "max": largest relevance over time.</summary>
    RelevanceMax,

    /// <summary>ActMax "sum": activation summed over time.</summary>
    ActivationSum,

    /// <summary>ActMax "max": largest activation over time.</summary>
    ActivationMax,
}
