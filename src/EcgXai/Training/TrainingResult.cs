namespace EcgXai.Training;

/// <summary>Outcome of <see cref="Trainer.Fit"/>.</summary>
/// <param name="BestModelPath">Checkpoint with the best validation score (macro AUROC, or the selection class's AUROC).</param>
/// <param name="BestEpoch">Its epoch.</param>
/// <param name="BestValidationMacroAuroc">Its validation score (macro AUROC, or the selection class's AUROC).</param>
/// <param name="History">Every completed epoch, including those of an interrupted earlier session.</param>
/// <param name="StoppedEarly">True when early stopping ended the run before the maximum epoch count.</param>
public sealed record TrainingResult(string BestModelPath, int BestEpoch, double BestValidationMacroAuroc, IReadOnlyList<EpochRecord> History, bool StoppedEarly);
