using System.Text.Json.Serialization;

namespace EcgXai.Models;

/// <summary>
/// How a checkpoint was trained, stored as JSON under <c>ecgxai.training</c> in its safetensors metadata: the data
/// specs it was trained on, the per-class decision thresholds chosen on the training spec's <c>@val</c> split, epoch,
/// seed and teacher.
/// </summary>
public sealed record CheckpointInfo
{
    /// <summary>Dataset specs the model was trained on (e.g. <c>ptbxl:/data/ptb-xl</c>).</summary>
    [JsonPropertyName("data")] public IReadOnlyList<string> DataSpecs { get; init; } = [];

    /// <summary>Decision threshold per class name (on probabilities), F1-optimal on <see cref="ThresholdData"/>.</summary>
    [JsonPropertyName("thresholds")] public IReadOnlyDictionary<string, double> Thresholds { get; init; } = new Dictionary<string, double>();

    /// <summary>The spec the thresholds were chosen on (the training spec's <c>@val</c> split), or null.</summary>
    [JsonPropertyName("threshold_data")] public string? ThresholdData { get; init; }

    /// <summary>Training epoch (1-based) this checkpoint was taken at, or null.</summary>
    [JsonPropertyName("epoch")] public int? Epoch { get; init; }

    /// <summary>Random seed of the training run, or null.</summary>
    [JsonPropertyName("seed")] public int? Seed { get; init; }

    /// <summary>Path of the teacher a distilled student learnt from, or null for a model trained on labels.</summary>
    [JsonPropertyName("teacher")] public string? Teacher { get; init; }

    /// <summary>
    /// Samples per record the model was validated on (records longer than its input are scored by windows, see
    /// <c>Training.RecordWindows</c>), or null when records were cut to its input length.
    /// </summary>
    [JsonPropertyName("record_length")] public int? RecordLength { get; init; }

    /// <summary>Validation macro AUROC at this checkpoint, or null.</summary>
    [JsonPropertyName("val_macro_auroc")] public double? ValidationMacroAuroc { get; init; }
}
