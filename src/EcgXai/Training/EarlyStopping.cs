namespace EcgXai.Training;

/// <summary>
/// Early stopping on a metric to maximise: remembers the best value and its epoch, and says to stop once
/// <c>Patience</c> epochs have passed without a strictly better value. Plain data, so it survives a resume.
/// </summary>
public sealed record EarlyStopping(int Patience)
{
    /// <summary>Best metric so far (−∞ before the first epoch).</summary>
    public double Best { get; init; } = double.NegativeInfinity;

    /// <summary>1-based epoch of <see cref="Best"/>, 0 before the first epoch.</summary>
    public int BestEpoch { get; init; }

    /// <summary>Epochs since <see cref="BestEpoch"/>.</summary>
    public int EpochsSinceBest { get; init; }

    /// <summary>True when training should stop.</summary>
    public bool ShouldStop => EpochsSinceBest >= Patience;

    /// <summary>True when the last <see cref="Step"/> found a new best.</summary>
    public bool Improved => EpochsSinceBest == 0 && BestEpoch > 0;

    /// <summary>The state after epoch <paramref name="epoch"/> reached <paramref name="metric"/> (NaN never improves).</summary>
    public EarlyStopping Step(int epoch, double metric) =>
        metric > Best
            ? this with { Best = metric, BestEpoch = epoch, EpochsSinceBest = 0 }
            : this with { EpochsSinceBest = EpochsSinceBest + 1 };
}
