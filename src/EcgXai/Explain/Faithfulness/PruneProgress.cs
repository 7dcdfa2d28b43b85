namespace EcgXai.Explain.Faithfulness;

/// <summary>Progress of pruning: <paramref name="Completed"/> of <paramref name="Total"/> in <paramref name="Stage"/> of <paramref name="Dataset"/>.</summary>
/// <param name="Stage">"prepare", "rank", "evaluate" or "write".</param>
/// <param name="Dataset">The dataset spec.</param>
/// <param name="Completed">Units done.</param>
/// <param name="Total">Units to do.</param>
public sealed record PruneProgress(string Stage, string Dataset, int Completed, int Total);
