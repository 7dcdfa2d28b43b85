using EcgXai.Datasets;
using EcgXai.Training.Metrics;

namespace EcgXai.Eval;

/// <summary>What <see cref="Evaluation.Run"/> evaluates and where it writes.</summary>
/// <param name="ModelPath">The checkpoint (safetensors, or a PyTorch state_dict with NAME.config.json beside it).</param>
/// <param name="DataSpecs">Dataset specs <c>KIND:PATH[@SPLIT]</c>, each evaluated and reported side by side.</param>
public sealed record EvaluateOptions(string ModelPath, IReadOnlyList<string> DataSpecs)
{
    /// <summary>Data lead names fed to the model's inputs, in order; null uses the model's lead names.</summary>
    public IReadOnlyList<string>? Leads { get; init; }

    /// <summary>
    /// Samples per prepared record: records longer than the model's input are scored by the mean of their windows'
    /// probabilities (<see cref="Training.RecordWindows"/>); null uses the checkpoint's record length, else the input length.
    /// </summary>
    public int? RecordLength { get; init; }

    /// <summary>The record length in seconds at the model's rate (rounded up to whole samples); used when <see cref="RecordLength"/> is null.</summary>
    public double? RecordSeconds { get; init; }

    /// <summary>Records lacking some of the selected leads are skipped (default) or have them zero-filled (e.g. single-lead data for a 12-lead model); recorded in <c>evaluation.json</c>.</summary>
    public MissingLeadHandling MissingLeads { get; init; } = MissingLeadHandling.Refuse;

    /// <summary>Evaluate only this class, or every class of the model when null.</summary>
    public string? Target { get; init; }

    /// <summary>Folder whose <c>eval/</c> receives the outputs; null uses the model's run folder (the parent of its <c>models/</c> folder, else its own folder).</summary>
    public string? OutDirectory { get; init; }

    /// <summary>Subfolder of <c>eval/</c> for this model (e.g. "teacher") when several models are evaluated into one run folder; null writes into <c>eval/</c> itself.</summary>
    public string? Name { get; init; }

    /// <summary>Bootstrap resamples for the AUROC confidence intervals.</summary>
    public int BootstrapResamples { get; init; } = Bootstrap.DefaultResamples;

    /// <summary>Seed of the bootstrap.</summary>
    public int Seed { get; init; }

    /// <summary>Inference batch size.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Device name for <see cref="IO.TorchDevice.Resolve"/> ("auto", "cpu", "cuda").</summary>
    public string? Device { get; init; }

    /// <summary>
    /// Another checkpoint (e.g. the teacher of a distilled student) scored on the same datasets with its own leads, rate and
    /// record length; every evaluated class is compared on the records both scored by a paired bootstrap of the AUROC
    /// difference. Null compares nothing.
    /// </summary>
    public string? CompareModelPath { get; init; }

    /// <summary>Tensor cache folder, or null for <see cref="DatasetPreparer.DefaultCacheDirectory"/>.</summary>
    public string? CacheDirectory { get; init; }
}
