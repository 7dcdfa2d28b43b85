using EcgXai.Synthesis;

namespace EcgXai.Explain.Waves;

/// <summary>Detector and delineator measured against the generator's ground truth on synthetic records of one preset.</summary>
/// <param name="Records">Records generated.</param>
/// <param name="Beats">R-peak agreement with the generator's beats (150 ms window), pooled over records.</param>
/// <param name="Overlap">Per wave class, delineated vs true samples, pooled over records.</param>
public sealed record SyntheticDelineationScore(int Records, BeatMatchScore Beats, IReadOnlyDictionary<WaveLabel, WaveOverlap> Overlap)
{
    /// <summary>
    /// Generates <paramref name="records"/> records of <paramref name="settings"/> (seed <paramref name="seed"/>,
    /// <paramref name="seconds"/> each, 12 leads at the preset's rate), detects and delineates them, and scores both.
    /// </summary>
    public static SyntheticDelineationScore Measure(SynthesisSettings settings, int records, ulong seed, double seconds = 10, IProgress<int>? progress = null)
    {
        var beats = new BeatMatchScore(0, 0, 0);
        var overlap = Enum.GetValues<WaveLabel>().ToDictionary(l => l, _ => new WaveOverlap(0, 0));
        for (int i = 0; i < records; i++)
        {
            SyntheticRecord r = EcgSynthesizer.Generate(settings, seed, i, seconds, $"synthetic-{i}");
            int[] peaks = RPeakDetector.Detect(r.Record);
            long window = BeatMatchScore.WindowSamples(r.Record.SampleRate);
            beats += BeatMatchScore.Match(r.Waves.BeatSamples.Select(b => (long)b).ToArray(), peaks.Select(p => (long)p).ToArray(), window);
            Delineation d = WaveDelineator.Delineate(r.Record, peaks);
            foreach (var (label, o) in WaveOverlap.Measure(r.Waves.Labels, d.Waves.Labels))
            {
                overlap[label] += o;
            }
            progress?.Report(i + 1);
        }
        return new SyntheticDelineationScore(records, beats, overlap);
    }
}
