namespace EcgXai.Explain.Verification;

/// <summary>Errors of every recomputed reference tensor (max abs error / max abs reference value), in manifest order.</summary>
/// <param name="Errors">Tensor name and relative error; +∞ when a tensor could not be recomputed or has another shape.</param>
public sealed record ReferenceVerification(IReadOnlyList<KeyValuePair<string, double>> Errors)
{
    /// <summary>The tolerance of <c>verify-reference</c>.</summary>
    public const double DefaultTolerance = 1e-6;

    /// <summary>The tensor with the largest error.</summary>
    public KeyValuePair<string, double> Worst => Errors.MaxBy(e => e.Value);

    /// <summary>True when every error is at most <paramref name="tolerance"/>.</summary>
    public bool Passed(double tolerance = DefaultTolerance) => Errors.Count > 0 && Errors.All(e => e.Value <= tolerance);
}
