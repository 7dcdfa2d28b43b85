namespace EcgXai.Bench;

/// <summary>Options of <see cref="SrgBenchmark"/>.</summary>
/// <param name="Preset">Model preset (ribeiro or compact).</param>
/// <param name="Records">Records flipped per batch.</param>
/// <param name="Steps">Flipping steps.</param>
/// <param name="Layer">The layer flipped besides the input.</param>
/// <param name="Repeats">Timed repeats (the median is reported) after one warm-up.</param>
/// <param name="Seed">Seed of the random weights, inputs and orders.</param>
public sealed record SrgBenchmarkOptions(string Preset = "ribeiro", int Records = 32, int Steps = 16, string Layer = "blocks.2.out", int Repeats = 5, int Seed = 0);
