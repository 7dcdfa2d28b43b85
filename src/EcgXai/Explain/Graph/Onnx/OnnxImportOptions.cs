namespace EcgXai.Explain.Graph.Onnx;

/// <summary>How to import an ONNX model: fallbacks for what neither its metadata nor a <c>config.json</c> beside it states.</summary>
/// <param name="SampleRate">Sampling rate in Hz, or null.</param>
/// <param name="LeadNames">Lead names in input channel order, or null.</param>
/// <param name="ClassNames">Class names in logit order, or null.</param>
/// <param name="InputLength">Input length in samples for a model whose input length is dynamic, or null.</param>
public sealed record OnnxImportOptions(
    double? SampleRate = null,
    IReadOnlyList<string>? LeadNames = null,
    IReadOnlyList<string>? ClassNames = null,
    int? InputLength = null);
