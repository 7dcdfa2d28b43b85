namespace EcgXai.Training;

/// <summary>
/// Learning-rate decay on plateau of a metric to maximise: after more than <c>Patience</c> epochs without an
/// improvement of at least <see cref="MinImprovement"/>, the rate is multiplied by <c>Factor</c> (not below
/// <c>MinLearningRate</c>) and the count restarts. Its state is plain data so a resumed run continues it exactly.
/// </summary>
public sealed record PlateauSchedule(double LearningRate, double Factor, int Patience, double MinLearningRate)
{
    /// <summary>Smallest increase of the metric that counts as an improvement.</summary>
    public const double MinImprovement = 1e-4;

    /// <summary>Best metric so far (−∞ before the first epoch).</summary>
    public double Best { get; init; } = double.NegativeInfinity;

    /// <summary>Epochs since the last improvement.</summary>
    public int BadEpochs { get; init; }

    /// <summary>The schedule after an epoch that reached <paramref name="metric"/> (NaN counts as no improvement).</summary>
    public PlateauSchedule Step(double metric)
    {
        if (metric > Best + MinImprovement)
        {
            return this with { Best = metric, BadEpochs = 0 };
        }
        int bad = BadEpochs + 1;
        return bad > Patience
            ? this with { LearningRate = Math.Max(LearningRate * Factor, MinLearningRate), BadEpochs = 0 }
            : this with { BadEpochs = bad };
    }
}
