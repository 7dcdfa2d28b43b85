namespace EcgXai.Explain.Crp;

/// <summary>A CRP condition: keep only the relevance of <paramref name="Channels"/> at the recorded layer <paramref name="Layer"/>.</summary>
/// <param name="Layer">A recorded layer name, <c>blocks.i.sum</c> or <c>blocks.i.out</c>.</param>
/// <param name="Channels">The channels (concepts) whose relevance passes.</param>
public sealed record Condition(string Layer, IReadOnlyList<int> Channels);
