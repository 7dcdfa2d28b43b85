using EcgXai.Datasets;
using EcgXai.Models;

namespace EcgXai.Training;

/// <summary>
/// A complete training or distillation run as the command line describes it: dataset specs (each trained on its
/// <c>@train</c> split and validated on its <c>@val</c> split), model configuration, run folder, options, and the
/// teacher when distilling.
/// </summary>
/// <param name="DataSpecs">Dataset specs without a split, e.g. <c>ptbxl:/data/ptb-xl</c>.</param>
/// <param name="Model">Model configuration (preset); its leads, rate and length define the preprocessing.</param>
/// <param name="OutDirectory">Run folder; an unfinished run there is resumed.</param>
/// <param name="Options">Training options.</param>
public sealed record TrainingJob(IReadOnlyList<string> DataSpecs, ResNet1dConfig Model, string OutDirectory, TrainingOptions Options)
{
    /// <summary>The teacher when distilling, else null.</summary>
    public TeacherJob? Teacher { get; init; }

    /// <summary>Tensor cache folder, or null for the default.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>
    /// Samples per prepared record when records are longer than the model's input: training takes a random window of the
    /// input length per record and epoch, validation scores the mean over windows (<see cref="RecordWindows"/>). Null
    /// cuts records to the input length.
    /// </summary>
    public int? RecordLength { get; init; }

    /// <summary>Cut-off of the optional baseline high-pass applied in preprocessing, or null; it becomes part of the model (<see cref="ResNet1dConfig.HighPassHz"/>), so every verb that feeds the model applies it.</summary>
    public double? HighPassHz { get; init; }

    /// <summary>
    /// What preprocessing does with records lacking some of the model's leads: skip them (default) or zero-fill the
    /// missing leads (e.g. single-lead records joining a 12-lead training); recorded in the run's <c>config.json</c>.
    /// </summary>
    public MissingLeadHandling MissingLeads { get; init; } = MissingLeadHandling.Refuse;
}
