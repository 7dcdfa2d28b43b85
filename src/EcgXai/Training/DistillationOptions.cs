namespace EcgXai.Training;

/// <summary>
/// Weights of the distillation loss <c>α·BCE(student/τ, teacher at τ)·τ² + (1−α)·BCE(student, labels)</c>.
/// </summary>
/// <param name="Alpha">Weight α of the teacher term, in [0, 1].</param>
/// <param name="Temperature">Temperature τ &gt; 0 applied to student logits and teacher logits.</param>
public sealed record DistillationOptions(double Alpha = 0.5, double Temperature = 2.0)
{
    /// <summary>Throws <see cref="ArgumentException"/> when α is outside [0, 1] or τ is not positive.</summary>
    public void Validate()
    {
        if (Alpha is < 0 or > 1 || double.IsNaN(Alpha))
        {
            throw new ArgumentException($"alpha must be in [0, 1], got {Alpha}");
        }
        if (!(Temperature > 0) || double.IsInfinity(Temperature))
        {
            throw new ArgumentException($"temperature must be positive, got {Temperature}");
        }
    }
}
