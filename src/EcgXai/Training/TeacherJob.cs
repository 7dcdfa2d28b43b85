using EcgXai.Models;

namespace EcgXai.Training;

/// <summary>The teacher of a distillation run and how to learn from it.</summary>
/// <param name="Path">EcgXai checkpoint or ONNX model.</param>
/// <param name="Options">How to load it (output kind, class names, ONNX output name).</param>
/// <param name="Distillation">α and τ of the distillation loss.</param>
/// <param name="SampleRate">Sampling rate of the teacher's input in Hz; null takes a checkpoint's own rate (required for ONNX).</param>
public sealed record TeacherJob(string Path, TeacherOptions Options, DistillationOptions Distillation, double? SampleRate = null);
