namespace EcgXai.Training;

/// <summary>
/// How a model is fitted: epochs, batch, Adam learning rate, decay on plateau, early stopping on validation
/// macro AUROC, seed and device. Immutable; <see cref="Validate()"/> rejects impossible values.
/// </summary>
public sealed record TrainingOptions
{
    /// <summary>Maximum number of epochs.</summary>
    public int Epochs { get; init; } = 30;

    /// <summary>Records per optimisation step.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Initial Adam learning rate.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Seed of weight initialisation, dropout and shuffling: the same seed gives the same model.</summary>
    public int Seed { get; init; }

    /// <summary>Device name for <see cref="IO.TorchDevice.Resolve"/> ("auto", "cpu", "cuda", "cuda:N"); null = auto.</summary>
    public string? Device { get; init; }

    /// <summary>Epochs without a better validation macro AUROC after which training stops.</summary>
    public int EarlyStoppingPatience { get; init; } = 6;

    /// <summary>Epochs without improvement after which the learning rate is multiplied by <see cref="PlateauFactor"/>.</summary>
    public int PlateauPatience { get; init; } = 2;

    /// <summary>Learning-rate factor applied on a plateau.</summary>
    public double PlateauFactor { get; init; } = 0.1;

    /// <summary>Lower bound of the learning rate.</summary>
    public double MinLearningRate { get; init; } = 1e-6;

    /// <summary>
    /// Class weighting for rare classes: each class's positive labels weigh negatives/positives of the training records
    /// (at most <see cref="MaxPositiveWeight"/>; 1 for a class without positives). False weighs every label 1.
    /// </summary>
    public bool BalanceClasses { get; init; }

    /// <summary>
    /// The class whose validation AUROC selects the best epoch and drives early stopping and the plateau schedule;
    /// null uses the macro AUROC over the classes.
    /// </summary>
    public string? SelectionClass { get; init; }

    /// <summary>Upper bound of a class's positive weight under <see cref="BalanceClasses"/>.</summary>
    public double MaxPositiveWeight { get; init; } = 20;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first impossible value.</summary>
    public void Validate()
    {
        if (Epochs < 1)
        {
            throw new ArgumentException($"epochs must be at least 1, got {Epochs}");
        }
        if (BatchSize < 1)
        {
            throw new ArgumentException($"batch size must be at least 1, got {BatchSize}");
        }
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate))
        {
            throw new ArgumentException($"learning rate must be positive, got {LearningRate}");
        }
        if (EarlyStoppingPatience < 1 || PlateauPatience < 0)
        {
            throw new ArgumentException("early-stopping patience must be at least 1 and plateau patience at least 0");
        }
        if (!(MaxPositiveWeight >= 1) || double.IsInfinity(MaxPositiveWeight))
        {
            throw new ArgumentException($"the maximum positive weight must be at least 1, got {MaxPositiveWeight}");
        }
        if (PlateauFactor is <= 0 or > 1 || MinLearningRate < 0)
        {
            throw new ArgumentException($"plateau factor must be in (0, 1] and the minimum learning rate non-negative, got {PlateauFactor} and {MinLearningRate}");
        }
    }

    /// <summary><see cref="Validate()"/>, and that <see cref="SelectionClass"/> is one of the model's <paramref name="classNames"/>: checked before any data is read.</summary>
    public void Validate(IReadOnlyList<string> classNames)
    {
        Validate();
        if (SelectionClass is { } selected && !classNames.Contains(selected, StringComparer.Ordinal))
        {
            throw new ArgumentException($"the selection class '{selected}' is not an output of the model ({string.Join(", ", classNames)})");
        }
    }
}
