namespace EcgXai.Bench;

/// <summary>Options of <see cref="ConceptsBenchmark"/>.</summary>
/// <param name="Preset">Model preset (ribeiro or compact).</param>
/// <param name="Batch">Records per batch.</param>
/// <param name="Records">Random records explained.</param>
/// <param name="Repeats">Each figure is the median of this many timed runs (after a warm-up).</param>
/// <param name="Seed">Seed of the random weights and inputs.</param>
public sealed record ConceptsBenchmarkOptions(string Preset = "ribeiro", int Batch = 8, int Records = 16, int Repeats = 5, int Seed = 0);
