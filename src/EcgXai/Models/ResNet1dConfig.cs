using System.Text.Json.Serialization;
using EcgXai.Datasets;
using EcgXai.Signals;
using Leads = EcgXai.Signals.LeadNames;

namespace EcgXai.Models;

/// <summary>
/// Configuration of a <see cref="ResNet1d"/> (Ribeiro et al. 2020 topology): per-stage filters and lengths,
/// odd kernel, dropout, and what the input and output mean (lead names, class names, sampling rate).
/// </summary>
public sealed record ResNet1dConfig
{
    /// <summary>Output channels of the stem and of each residual unit (one more entry than units, first = stem).</summary>
    [JsonPropertyName("filters")] public required IReadOnlyList<int> Filters { get; init; }

    /// <summary>Signal length at the stem and after each residual unit; each must divide the previous one.</summary>
    [JsonPropertyName("lengths")] public required IReadOnlyList<int> Lengths { get; init; }

    /// <summary>Odd convolution kernel size.</summary>
    [JsonPropertyName("kernel_size")] public int KernelSize { get; init; } = 17;

    /// <summary>Dropout rate inside the residual units.</summary>
    [JsonPropertyName("dropout")] public double Dropout { get; init; } = 0.2;

    /// <summary>Name of the preset this configuration came from, or "custom".</summary>
    [JsonPropertyName("preset")] public string Preset { get; init; } = "custom";

    /// <summary>Input lead names in input order.</summary>
    [JsonPropertyName("lead_names")] public IReadOnlyList<string> LeadNames { get; init; } = Leads.Standard12;

    /// <summary>Output class names in logit order.</summary>
    [JsonPropertyName("class_names")] public IReadOnlyList<string> ClassNames { get; init; } = DefaultClasses;

    /// <summary>Sampling rate the model expects, Hz.</summary>
    [JsonPropertyName("sample_rate")] public double SampleRate { get; init; } = 400;

    /// <summary>
    /// Cut-off in Hz of the zero-phase baseline high-pass the model was trained behind, or null for none: part of the
    /// model's input definition, so every verb that feeds it data applies the same filter.
    /// </summary>
    [JsonPropertyName("high_pass_hz")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? HighPassHz { get; init; }

    /// <summary>Input length in samples (= <c>Lengths[0]</c>).</summary>
    [JsonPropertyName("input_length")] public int InputLength => Lengths.Count > 0 ? Lengths[0] : 0;

    /// <summary>The Ribeiro et al. six classes in their logit order.</summary>
    public static readonly IReadOnlyList<string> DefaultClasses = ["1dAVb", "RBBB", "LBBB", "SB", "AF", "ST"];

    /// <summary>Number of input leads.</summary>
    [JsonIgnore] public int LeadCount => LeadNames.Count;

    /// <summary>Number of output classes.</summary>
    [JsonIgnore] public int ClassCount => ClassNames.Count;

    /// <summary>Number of nodes of the last layer (channels x time), the classifier's input.</summary>
    [JsonIgnore] public int LastLayerNodes => Filters[^1] * Lengths[^1];

    /// <summary>Number of residual units.</summary>
    [JsonIgnore] public int BlockCount => Filters.Count;

    /// <summary>The full-size model of Ribeiro et al. (12 x 4096 at 400 Hz).</summary>
    public static ResNet1dConfig Ribeiro => new()
    {
        Filters = [64, 128, 196, 256, 320],
        Lengths = [4096, 1024, 256, 64, 16],
        KernelSize = 17,
        Preset = "ribeiro",
        SampleRate = 400,
    };

    /// <summary>A CPU-friendly model: 12 x 1024 at 100 Hz (10 s zero-padded), last layer 160 x 32 = 5,120 nodes.</summary>
    public static ResNet1dConfig Compact => new()
    {
        Filters = [32, 64, 96, 128, 160],
        Lengths = [1024, 256, 128, 64, 32],
        KernelSize = 17,
        Preset = "compact",
        SampleRate = 100,
    };

    /// <summary>Returns a preset by name ("ribeiro" or "compact").</summary>
    public static ResNet1dConfig FromPreset(string name) => name.ToLowerInvariant() switch
    {
        "ribeiro" => Ribeiro,
        "compact" => Compact,
        _ => throw new ArgumentException($"unknown model preset '{name}' (known: ribeiro, compact)"),
    };

    /// <summary>Throws <see cref="ArgumentException"/> with a clear message when the configuration cannot be built.</summary>
    public void Validate()
    {
        if (Filters.Count == 0 || Filters.Count != Lengths.Count)
        {
            throw new ArgumentException($"filters ({Filters.Count}) and lengths ({Lengths.Count}) must be non-empty and of equal count");
        }
        if (KernelSize < 1 || KernelSize % 2 == 0)
        {
            throw new ArgumentException($"kernel size must be odd and positive, got {KernelSize}");
        }
        if (Filters.Any(f => f <= 0) || Lengths.Any(l => l <= 0))
        {
            throw new ArgumentException("filters and lengths must be positive");
        }
        for (int i = 1; i < Lengths.Count; i++)
        {
            if (Lengths[i - 1] % Lengths[i] != 0)
            {
                throw new ArgumentException($"length {Lengths[i - 1]} is not a multiple of the next length {Lengths[i]} (unit {i})");
            }
        }
        if (LeadCount == 0 || ClassCount == 0)
        {
            throw new ArgumentException("a model needs at least one lead and one class");
        }
        if (Dropout is < 0 or >= 1)
        {
            throw new ArgumentException($"dropout must be in [0, 1), got {Dropout}");
        }
        if (HighPassHz is double cutoff && !(cutoff > 0 && cutoff < SampleRate / 2))
        {
            throw new ArgumentException($"the high-pass cut-off must lie between 0 and half the sampling rate ({SampleRate / 2} Hz), got {cutoff}");
        }
    }

    /// <summary>
    /// How records become this model's input: its leads (or <paramref name="leads"/>), rate and high-pass, cut or padded
    /// to <paramref name="length"/> samples (default its input length).
    /// </summary>
    public PreprocessOptions Preprocessing(int? length = null, IReadOnlyList<string>? leads = null) =>
        new(leads ?? LeadNames, SampleRate, length ?? InputLength, HighPassHz);

    /// <summary>Downsampling factor of unit <paramref name="i"/>: <c>L[max(i-1,0)] / L[i]</c>.</summary>
    public int Downsample(int i) => Lengths[Math.Max(i - 1, 0)] / Lengths[i];

    /// <summary>Input channels of unit <paramref name="i"/>: <c>f[max(i-1,0)]</c>.</summary>
    public int InChannels(int i) => Filters[Math.Max(i - 1, 0)];
}
