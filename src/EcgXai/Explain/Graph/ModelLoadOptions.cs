using static TorchSharp.torch;

namespace EcgXai.Explain.Graph;

/// <summary>
/// How to load a model to explain (<see cref="ModelLoader"/>): the device, and for an ONNX file the fallbacks for what
/// neither its metadata nor a <c>config.json</c> beside it states (a checkpoint states them all itself).
/// </summary>
/// <param name="Device">Device of the graph's tensors, or null for <see cref="IO.TorchDevice.Resolve"/>.</param>
/// <param name="SampleRate">Sampling rate in Hz, or null.</param>
/// <param name="LeadNames">Lead names in input channel order, or null.</param>
/// <param name="ClassNames">Class names in logit order, or null.</param>
/// <param name="InputLength">Input length in samples for an ONNX model whose input length is dynamic, or null.</param>
public sealed record ModelLoadOptions(
    Device? Device = null,
    double? SampleRate = null,
    IReadOnlyList<string>? LeadNames = null,
    IReadOnlyList<string>? ClassNames = null,
    int? InputLength = null);
