namespace EcgXai.Explain.Attribution;

/// <summary>
/// A CRP condition: at node <paramref name="Node"/> keep only the relevance of <paramref name="Channels"/>, and drop the
/// relevance that reaches nodes below it without passing through it (zennit-crp <c>exclude_parallel=True</c>).
/// </summary>
/// <param name="Node">A node of the explained (canonized) graph, e.g. <c>blocks.2.out</c>, <c>features.6</c>.</param>
/// <param name="Channels">The channels (concepts) whose relevance passes.</param>
public sealed record Condition(string Node, IReadOnlyList<int> Channels);
