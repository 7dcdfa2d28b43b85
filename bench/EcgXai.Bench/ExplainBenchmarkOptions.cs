using EcgXai.Explain.Attribution;

namespace EcgXai.Bench;

/// <summary>Options of <see cref="ExplainBenchmark"/>.</summary>
/// <param name="Preset">Model preset (ribeiro or compact) of the fresh model when <paramref name="Model"/> is null.</param>
/// <param name="Batches">Batch sizes measured in the one process (null: <see cref="DefaultBatches"/>); each at least <see cref="ExplainBenchmark.Concepts"/>.</param>
/// <param name="Repeats">Each figure is the median of this many timed runs (after a warm-up).</param>
/// <param name="Seed">Seed of the random weights and inputs.</param>
/// <param name="Model">An EcgXai checkpoint or an <c>.onnx</c> file to measure instead of a fresh preset model, or null.</param>
/// <param name="RecordsPerPiece">Records walked together (<see cref="Attributor.RecordsPerPiece"/>).</param>
public sealed record ExplainBenchmarkOptions(string Preset = "ribeiro", IReadOnlyList<int>? Batches = null, int Repeats = 5, int Seed = 0, string? Model = null,
    int RecordsPerPiece = Attributor.DefaultRecordsPerPiece)
{
    /// <summary>The batch sizes measured when none are given: 8 and 32.</summary>
    public static IReadOnlyList<int> DefaultBatches { get; } = [8, 32];

    /// <summary>The batch sizes measured, ascending and distinct.</summary>
    public IReadOnlyList<int> BatchSizes => (Batches is { Count: > 0 } given ? given : DefaultBatches).Distinct().Order().ToArray();
}
