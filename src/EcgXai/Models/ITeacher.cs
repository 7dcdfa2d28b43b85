using static TorchSharp.torch;

namespace EcgXai.Models;

/// <summary>
/// A trained classifier whose outputs a student learns from: an EcgXai checkpoint or a model from another framework.
/// </summary>
public interface ITeacher : IDisposable
{
    /// <summary>The file the teacher was loaded from.</summary>
    string Source { get; }

    /// <summary>Label names of the output columns, in order.</summary>
    IReadOnlyList<string> ClassNames { get; }

    /// <summary>Number of input leads the teacher expects.</summary>
    int LeadCount { get; }

    /// <summary>Names of the input leads in order, or null when the model does not name them (ONNX): the student must feed these.</summary>
    IReadOnlyList<string>? LeadNames { get; }

    /// <summary>Input length in samples the teacher expects, or null when the model accepts any length.</summary>
    int? InputLength { get; }

    /// <summary>
    /// Probabilities <c>(batch, classes)</c> float32 for a <c>(batch, leads, samples)</c> float32 batch, on the batch's
    /// device, without gradients. Throws <see cref="IO.EcgXaiException"/> naming <see cref="Source"/> when the batch's
    /// shape does not fit the teacher's input.
    /// </summary>
    Tensor Predict(Tensor batch);
}
