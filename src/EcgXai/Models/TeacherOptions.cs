using static TorchSharp.torch;

namespace EcgXai.Models;

/// <summary>How to load a teacher.</summary>
/// <param name="Output">What an ONNX teacher emits (EcgXai checkpoints always emit logits).</param>
/// <param name="ClassNames">Label names of the teacher's output columns, in order; null uses the checkpoint's class
/// names, an ONNX model's <c>class_names</c> metadata, or the six default classes when the output has six columns.</param>
/// <param name="OutputName">The ONNX output to use when the model has several, or null.</param>
/// <param name="Device">Device of a checkpoint teacher, or null for <see cref="IO.TorchDevice.Resolve"/>.</param>
public sealed record TeacherOptions(
    TeacherOutput Output = TeacherOutput.Logits,
    IReadOnlyList<string>? ClassNames = null,
    string? OutputName = null,
    Device? Device = null);
