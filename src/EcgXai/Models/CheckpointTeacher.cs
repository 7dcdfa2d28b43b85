using EcgXai.IO;
using static TorchSharp.torch;

namespace EcgXai.Models;

/// <summary>A teacher that is an EcgXai <see cref="ResNet1d"/> checkpoint; probabilities are the sigmoid of its logits.</summary>
public sealed class CheckpointTeacher : ITeacher
{
    private readonly ResNet1d model;

    /// <summary>Loads the checkpoint at <paramref name="path"/>; <paramref name="classNames"/>, when given, renames its outputs.</summary>
    public CheckpointTeacher(string path, IReadOnlyList<string>? classNames = null, Device? device = null)
    {
        (model, Info) = Checkpoint.Load(path, device);
        if (classNames is not null && classNames.Count != model.Config.ClassCount)
        {
            model.Dispose();
            throw new EcgXaiException(path, $"{classNames.Count} teacher class names given for a model with {model.Config.ClassCount} outputs");
        }
        Source = path;
        ClassNames = classNames ?? model.Config.ClassNames;
    }

    /// <summary>How the checkpoint was trained.</summary>
    public CheckpointInfo Info { get; }

    /// <inheritdoc />
    public string Source { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> ClassNames { get; }

    /// <inheritdoc />
    public int LeadCount => model.Config.LeadCount;

    /// <inheritdoc />
    public IReadOnlyList<string>? LeadNames => model.Config.LeadNames;

    /// <inheritdoc />
    public int? InputLength => model.Config.InputLength;

    /// <summary>Sampling rate in Hz of the teacher's input.</summary>
    public double SampleRate => model.Config.SampleRate;

    /// <summary>Cut-off of the baseline high-pass the teacher was trained behind, or null for none.</summary>
    public double? HighPassHz => model.Config.HighPassHz;

    /// <inheritdoc />
    public Tensor Predict(Tensor batch)
    {
        TeacherInput.Check(Source, batch, LeadCount, InputLength);
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        Device device = model.conv1.weight!.device;
        Tensor probabilities = sigmoid(model.forward(batch.to(ScalarType.Float32).to(device)));
        return probabilities.to(batch.device).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public void Dispose() => model.Dispose();
}
