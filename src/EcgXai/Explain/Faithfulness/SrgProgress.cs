namespace EcgXai.Explain.Faithfulness;

/// <summary>Progress of an SRG run: <paramref name="Completed"/> of <paramref name="Total"/> records in <paramref name="Stage"/>.</summary>
/// <param name="Stage">"mean activations" or "flipping".</param>
/// <param name="Completed">Records done.</param>
/// <param name="Total">Records to do.</param>
public sealed record SrgProgress(string Stage, int Completed, int Total);
