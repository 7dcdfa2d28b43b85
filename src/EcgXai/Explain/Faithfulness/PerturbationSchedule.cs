namespace EcgXai.Explain.Faithfulness;

/// <summary>
/// Which share of the features is flipped at each step: step k = 1..<see cref="Steps"/> flips the first
/// <c>⌊k·n/K⌋</c> of the <see cref="Features"/> in the order (the unperturbed start k = 0 is not a step; the last step
/// flips all of them).
/// </summary>
/// <param name="Features">Number of features n.</param>
/// <param name="Steps">Number of steps K.</param>
public sealed record PerturbationSchedule(int Features, int Steps)
{
    /// <summary>Default number of steps.</summary>
    public const int DefaultSteps = 16;

    /// <summary>Number of features flipped at step <paramref name="k"/> (1-based).</summary>
    public int Flipped(int k)
    {
        Validate();
        if (k < 1 || k > Steps)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"steps run from 1 to {Steps}");
        }
        return (int)((long)k * Features / Steps);
    }

    /// <summary>The flipped counts of every step, k = 1..K.</summary>
    public int[] Counts() => Enumerable.Range(1, Steps).Select(Flipped).ToArray();

    /// <summary>Throws <see cref="ArgumentException"/> unless there is at least one feature and one step.</summary>
    public void Validate()
    {
        if (Features < 1 || Steps < 1)
        {
            throw new ArgumentException($"flipping needs at least one feature and one step, got {Features} features and {Steps} steps");
        }
    }
}
