namespace EcgXai.Explain.Graph;

/// <summary>What a graph knows about its data, when known: sampling rate, lead names (input channels), class names (outputs).</summary>
/// <param name="SampleRate">Sampling rate in Hz, or null.</param>
/// <param name="LeadNames">Names of the input channels, or null.</param>
/// <param name="ClassNames">Names of the outputs, or null.</param>
/// <param name="ConceptNodes">The nodes whose channels are the model's concepts (ResNet1d: <c>blocks.i.sum</c>, <c>blocks.i.out</c>), or null.</param>
public sealed record GraphMetadata(double? SampleRate = null, IReadOnlyList<string>? LeadNames = null, IReadOnlyList<string>? ClassNames = null,
    IReadOnlyList<string>? ConceptNodes = null)
{
    /// <summary>No metadata.</summary>
    public static GraphMetadata None { get; } = new();
}
