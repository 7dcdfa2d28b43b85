using EcgXai.Datasets;
using EcgXai.Models;

namespace EcgXai.Training;

/// <summary>What <see cref="Trainer.Fit"/> trains: a model configuration, prepared training and validation data, a run folder, options and an optional teacher.</summary>
/// <param name="Model">Model configuration; its leads, length and classes must match the data.</param>
/// <param name="Train">Training records.</param>
/// <param name="Validation">Validation records (early stopping, learning-rate schedule and thresholds).</param>
/// <param name="RunDirectory">Run folder (see <see cref="RunFolder"/>); an existing run there is resumed.</param>
/// <param name="Options">Training options.</param>
/// <param name="DataSpecs">The dataset specs the data came from, recorded in the checkpoints.</param>
/// <param name="Teacher">Teacher probabilities when distilling, else null.</param>
public sealed record TrainingSetup(
    ResNet1dConfig Model,
    PreparedDataset Train,
    PreparedDataset Validation,
    string RunDirectory,
    TrainingOptions Options,
    IReadOnlyList<string> DataSpecs,
    TeacherTargets? Teacher = null);
