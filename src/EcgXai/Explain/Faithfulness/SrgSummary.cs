using EcgXai.Training.Metrics;

namespace EcgXai.Explain.Faithfulness;

/// <summary>SRG of one variant at one place over the records, with bootstrap intervals of SRG and of both areas.</summary>
/// <param name="Variant">The variant's name.</param>
/// <param name="IsBaseline">True for gradient × input and the random order.</param>
/// <param name="Place">"input" or the node name.</param>
/// <param name="FeatureKind">"cells", "channels" or "positions".</param>
/// <param name="Features">Number of features flipped.</param>
/// <param name="Records">Records the mean is over.</param>
/// <param name="Srg">Mean SRG with its interval.</param>
/// <param name="MifArea">Mean MIF area with its interval.</param>
/// <param name="LifArea">Mean LIF area with its interval.</param>
public sealed record SrgSummary(string Variant, bool IsBaseline, string Place, string FeatureKind, int Features, int Records,
    ConfidenceInterval Srg, ConfidenceInterval MifArea, ConfidenceInterval LifArea);
