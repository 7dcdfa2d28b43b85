namespace EcgXai.Explain.Faithfulness;

/// <summary>What <see cref="Srg.Run"/> compares, on which records, and where it writes.</summary>
/// <param name="ModelPath">The checkpoint.</param>
/// <param name="DataSpec">The dataset spec whose records are flipped (its mean activations are the layer baselines).</param>
/// <param name="OutDirectory">Run folder whose <c>explain/srg/</c> receives the outputs.</param>
public sealed record SrgOptions(string ModelPath, string DataSpec, string OutDirectory)
{
    /// <summary>Variant tokens (<see cref="ExplanationVariant.Parse"/>): <c>all</c>, composites, <c>composite/policy</c>.</summary>
    public IReadOnlyList<string> Variants { get; init; } = ["all"];

    /// <summary>Layers (node names) flipped besides the input.</summary>
    public IReadOnlyList<string> Layers { get; init; } = [];

    /// <summary>Records analysed (the first N of the dataset), or null for all.</summary>
    public int? Records { get; init; }

    /// <summary>Explain this class for every record, or each record's highest-scoring class when null.</summary>
    public string? Target { get; init; }

    /// <summary>Flipping settings.</summary>
    public SrgSettings Settings { get; init; } = new();

    /// <summary>Device name ("auto", "cpu", "cuda").</summary>
    public string? Device { get; init; }

    /// <summary>Tensor cache folder, or null for the default.</summary>
    public string? CacheDirectory { get; init; }
}
