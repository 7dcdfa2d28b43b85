using EcgXai.Explain.Graph.Onnx;
using EcgXai.Models;

namespace EcgXai.Explain.Graph;

/// <summary>
/// A model opened by <see cref="ModelLoader"/>: its graph (with metadata) and, for an EcgXai checkpoint, the
/// <see cref="ResNet1d"/> whose parameters the graph borrows (kept alive with it). Disposing releases both.
/// </summary>
public sealed class LoadedModel : IDisposable
{
    internal LoadedModel(string source, ModelGraph graph, ResNet1d? model)
    {
        Source = source;
        Graph = graph;
        Model = model;
    }

    /// <summary>The model file.</summary>
    public string Source { get; }

    /// <summary>The model as a graph, the one forward that is explained.</summary>
    public ModelGraph Graph { get; }

    /// <summary>The native model of a checkpoint, or null for an ONNX file.</summary>
    public ResNet1d? Model { get; }

    /// <summary>Sampling rate, lead and class names, as far as the model states them.</summary>
    public GraphMetadata Metadata => Graph.Metadata;

    /// <summary>
    /// Sampling rate, lead names and class names, all known, for loading data for the model; throws
    /// <see cref="IO.EcgXaiException"/> naming <see cref="Source"/> and each missing field otherwise.
    /// </summary>
    public (double SampleRate, IReadOnlyList<string> LeadNames, IReadOnlyList<string> ClassNames) RequireDataMetadata() =>
        OnnxMetadata.RequireForData(Source, Metadata);

    /// <inheritdoc />
    public void Dispose()
    {
        Graph.Dispose();
        Model?.Dispose();
    }
}
