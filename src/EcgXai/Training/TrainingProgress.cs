namespace EcgXai.Training;

/// <summary>
/// Progress of a training run, reported during an epoch (<see cref="ValidationMacroAuroc"/> null) and once at its
/// end (after validation).
/// </summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="Epochs">Maximum number of epochs.</param>
/// <param name="Step">Steps done in this epoch.</param>
/// <param name="Steps">Steps per epoch.</param>
/// <param name="Loss">Mean training loss of this epoch so far.</param>
/// <param name="ValidationMacroAuroc">Validation macro AUROC at the end of the epoch, else null.</param>
/// <param name="Eta">Estimated time until the last epoch ends (early stopping may end sooner), null before the first step.</param>
/// <param name="SamplesPerSecond">Training throughput of this epoch so far.</param>
/// <param name="DataWaitShare">Share of this epoch's training time spent waiting for data.</param>
public sealed record TrainingProgress(int Epoch, int Epochs, int Step, int Steps, double Loss, double? ValidationMacroAuroc, TimeSpan? Eta, double SamplesPerSecond, double DataWaitShare);
