namespace EcgXai.Explain.Faithfulness;

/// <summary>Where an explanation variant's relevance comes from.</summary>
public enum VariantKind
{
    /// <summary>LRP with a composite and a bn2 policy.</summary>
    Lrp,

    /// <summary>Baseline: gradient of the target logit times the activation, at each place.</summary>
    GradientTimesInput,

    /// <summary>Baseline: a seeded random order (SRG 0 in expectation).</summary>
    Random,
}
