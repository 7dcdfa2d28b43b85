namespace EcgXai.Explain.Graph;

/// <summary>What a graph knows about its data, when known: sampling rate, lead names (input channels), class names (outputs).</summary>
/// <param name="SampleRate">Sampling rate in Hz, or null.</param>
/// <param name="LeadNames">Names of the input channels, or null.</param>
/// <param name="ClassNames">Names of the outputs, or null.</param>
public sealed record GraphMetadata(double? SampleRate = null, IReadOnlyList<string>? LeadNames = null, IReadOnlyList<string>? ClassNames = null)
{
    /// <summary>No metadata.</summary>
    public static GraphMetadata None { get; } = new();
}
