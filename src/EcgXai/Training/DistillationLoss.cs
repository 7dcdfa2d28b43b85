using static TorchSharp.torch;

namespace EcgXai.Training;

/// <summary>
/// The training loss. With a teacher: <c>α·BCE(s/τ, σ(logit(p)/τ))·τ² + (1−α)·BCE(s, y)</c>, where s are the
/// student logits, p the teacher probabilities (clamped to [1e-7, 1−1e-7]) and y the labels; without one: <c>BCE(s, y)</c>.
/// BCE is the mean over records and classes; with per-class positive weights w the label term weighs each
/// positive by w (class weighting for rare classes), the teacher term is unweighted.
/// </summary>
public static class DistillationLoss
{
    /// <summary>Bound applied to teacher probabilities before taking their logit.</summary>
    public const double ProbabilityClamp = 1e-7;

    /// <summary>
    /// The loss of <paramref name="studentLogits"/> (batch, classes) against labels and, when given, teacher probabilities;
    /// <paramref name="positiveWeights"/> (classes) weighs the positives of the label term.
    /// </summary>
    public static Tensor Compute(Tensor studentLogits, Tensor labels, Tensor? teacherProbabilities = null, DistillationOptions? options = null, Tensor? positiveWeights = null)
    {
        using var scope = NewDisposeScope();
        Tensor hard = nn.functional.binary_cross_entropy_with_logits(studentLogits, labels, pos_weights: positiveWeights);
        if (teacherProbabilities is null)
        {
            return hard.MoveToOuterDisposeScope();
        }
        DistillationOptions o = options ?? new DistillationOptions();
        double tau = o.Temperature;
        Tensor soft = SoftTargets(teacherProbabilities, tau);
        Tensor distilled = nn.functional.binary_cross_entropy_with_logits(studentLogits / tau, soft) * (tau * tau);
        return (o.Alpha * distilled + (1 - o.Alpha) * hard).MoveToOuterDisposeScope();
    }

    /// <summary>Teacher probabilities at temperature <paramref name="temperature"/>: <c>σ(logit(p)/τ)</c>.</summary>
    public static Tensor SoftTargets(Tensor teacherProbabilities, double temperature)
    {
        using var scope = NewDisposeScope();
        Tensor p = teacherProbabilities.clamp(ProbabilityClamp, 1 - ProbabilityClamp);
        Tensor logit = p.log() - (1 - p).log();
        return (logit / temperature).sigmoid().MoveToOuterDisposeScope();
    }
}
