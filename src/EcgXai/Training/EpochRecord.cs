namespace EcgXai.Training;

/// <summary>What one epoch did: one row of <c>models/train_log.csv</c>.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="LearningRate">Learning rate used in this epoch.</param>
/// <param name="TrainLoss">Mean training loss (the optimised loss, with the teacher term when distilling).</param>
/// <param name="ValidationLoss">Mean BCE of the validation probabilities against the labels.</param>
/// <param name="ValidationMacroAuroc">Macro AUROC on the validation set.</param>
/// <param name="ValidationAuroc">Per-class validation AUROC, in class order (NaN when a class lacks positives or negatives).</param>
/// <param name="Seconds">Wall time of the epoch including validation.</param>
/// <param name="SamplesPerSecond">Training throughput.</param>
/// <param name="DataWaitShare">Share of training time spent waiting for data.</param>
public sealed record EpochRecord(
    int Epoch,
    double LearningRate,
    double TrainLoss,
    double ValidationLoss,
    double ValidationMacroAuroc,
    IReadOnlyList<double> ValidationAuroc,
    double Seconds,
    double SamplesPerSecond,
    double DataWaitShare);
