namespace EcgXai.Explain.Concepts;

/// <summary>What a concept analysis wrote: its folder, the merged state and, unless it was one shard, the summary tables.</summary>
/// <param name="Directory">The <c>explain/concepts/</c> folder.</param>
/// <param name="State">The (merged) state.</param>
/// <param name="Summary">The tables, or null for one shard (they need every shard).</param>
public sealed record ConceptResult(string Directory, ConceptState State, ConceptSummary? Summary)
{
    /// <summary>Wave purity of the top concepts (null for one shard or when not asked for).</summary>
    public IReadOnlyList<PurityRow>? Purity { get; init; }
}
