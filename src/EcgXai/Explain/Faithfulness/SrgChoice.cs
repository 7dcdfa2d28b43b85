using EcgXai.Training.Metrics;

namespace EcgXai.Explain.Faithfulness;

/// <summary>
/// The LRP variant with the highest input SRG, its runner-up and the paired bootstrap of its lead (baselines never compete).
/// </summary>
/// <param name="Best">The chosen variant.</param>
/// <param name="BestSrg">Its input SRG.</param>
/// <param name="RunnerUp">The second-best LRP variant, or null when only one was compared.</param>
/// <param name="Lead">Mean per-record input SRG of the best minus the runner-up with its paired interval, or null.</param>
public sealed record SrgChoice(ExplanationVariant Best, ConfidenceInterval BestSrg, ExplanationVariant? RunnerUp, ConfidenceInterval? Lead)
{
    /// <summary>True when the lead's interval lies above zero (or there was nothing to compare with).</summary>
    public bool LeadHolds => Lead is null || Lead.Lower > 0;
}
