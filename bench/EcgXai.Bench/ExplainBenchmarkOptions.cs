namespace EcgXai.Bench;

/// <summary>Options of <see cref="ExplainBenchmark"/>.</summary>
/// <param name="Preset">Model preset (ribeiro or compact).</param>
/// <param name="Batch">Records per batch.</param>
/// <param name="Repeats">Each figure is the median of this many timed runs.</param>
/// <param name="Seed">Seed of the random weights and inputs.</param>
public sealed record ExplainBenchmarkOptions(string Preset = "ribeiro", int Batch = 32, int Repeats = 5, int Seed = 0);
