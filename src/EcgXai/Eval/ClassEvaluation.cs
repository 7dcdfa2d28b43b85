using EcgXai.Training.Metrics;

namespace EcgXai.Eval;

/// <summary>Metrics of one class on one dataset.</summary>
/// <param name="ClassName">The class.</param>
/// <param name="Count">Records.</param>
/// <param name="Positives">Records with the class.</param>
/// <param name="Auroc">AUROC with its bootstrap interval.</param>
/// <param name="AtThreshold">Sensitivity, specificity and F1 at the decision threshold.</param>
/// <param name="ThresholdSource">Where the threshold came from (the checkpoint's validation spec, or the 0.5 default).</param>
/// <param name="Roc">The ROC curve.</param>
public sealed record ClassEvaluation(string ClassName, int Count, int Positives, ConfidenceInterval Auroc, ThresholdMetrics AtThreshold, string ThresholdSource, RocCurve Roc)
{
    /// <summary>The ROC curve's pointwise bootstrap band (same resamples as the AUROC interval), or null when not computed.</summary>
    public RocBand? Band { get; init; }

    /// <summary>The paired comparison with another model (<see cref="EvaluateOptions.CompareModelPath"/>), or null.</summary>
    public ModelComparison? Comparison { get; init; }
}
