namespace EcgXai.Synthesis;

/// <summary>A normal distribution clamped to [<paramref name="Min"/>, <paramref name="Max"/>], used for patient parameters.</summary>
/// <param name="Mean">Mean before clamping.</param>
/// <param name="Sd">Standard deviation before clamping.</param>
/// <param name="Min">Smallest value drawn.</param>
/// <param name="Max">Largest value drawn.</param>
public sealed record ClampedNormal(double Mean, double Sd, double Min, double Max)
{
    /// <summary>One draw.</summary>
    public double Draw(SynthRandom rng) => rng.Normal(Mean, Sd, Min, Max);
}
