using EcgXai.Synthesis;

namespace EcgXai.Explain.Waves;

/// <summary>The delineated waves of a record: per-beat boundaries and, per sample, the wave it lies in.</summary>
/// <param name="Beats">Boundaries of every beat, in R-peak order.</param>
/// <param name="Waves">The same as a wave annotation (beats and one <see cref="WaveLabel"/> per sample), comparable with the generator's.</param>
public sealed record Delineation(IReadOnlyList<BeatWindows> Beats, WaveAnnotation Waves);
