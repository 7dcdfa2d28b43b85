namespace EcgXai.Explain.Waves;

/// <summary>Beat-by-beat agreement of detected with reference beats (ANSI/AAMI EC57 style).</summary>
/// <param name="ReferenceBeats">Number of reference beats.</param>
/// <param name="DetectedBeats">Number of detected beats.</param>
/// <param name="TruePositives">Reference beats matched by a detected beat within the window.</param>
public sealed record BeatMatchScore(int ReferenceBeats, int DetectedBeats, int TruePositives)
{
    /// <summary>Reference beats without a matching detection.</summary>
    public int FalseNegatives => ReferenceBeats - TruePositives;

    /// <summary>Detections that match no reference beat.</summary>
    public int FalsePositives => DetectedBeats - TruePositives;

    /// <summary>Sensitivity TP / (TP + FN); 1 when there are no reference beats and no detections, else 0 without references.</summary>
    public double Sensitivity => ReferenceBeats == 0 ? (DetectedBeats == 0 ? 1 : 0) : TruePositives / (double)ReferenceBeats;

    /// <summary>Positive predictivity TP / (TP + FP); 1 when nothing was detected and nothing was to detect, else 0 without detections.</summary>
    public double PositivePredictivity => DetectedBeats == 0 ? (ReferenceBeats == 0 ? 1 : 0) : TruePositives / (double)DetectedBeats;

    /// <summary>The sum of two scores (e.g. gross statistics over records).</summary>
    public static BeatMatchScore operator +(BeatMatchScore a, BeatMatchScore b) =>
        new(a.ReferenceBeats + b.ReferenceBeats, a.DetectedBeats + b.DetectedBeats, a.TruePositives + b.TruePositives);

    /// <summary>
    /// Matches <paramref name="detected"/> to <paramref name="reference"/> (both ascending sample numbers): each reference
    /// beat takes the nearest not yet matched detection within <paramref name="windowSamples"/>, in time order.
    /// </summary>
    public static BeatMatchScore Match(IReadOnlyList<long> reference, IReadOnlyList<long> detected, long windowSamples)
    {
        int matched = 0;
        int j = 0;
        foreach (long r in reference)
        {
            while (j < detected.Count && detected[j] < r - windowSamples)
            {
                j++;
            }
            if (j >= detected.Count || detected[j] > r + windowSamples)
            {
                continue;
            }
            // The next detection may be nearer and still unclaimed by the next reference beat.
            if (j + 1 < detected.Count && Math.Abs(detected[j + 1] - r) < Math.Abs(detected[j] - r) && detected[j + 1] <= r + windowSamples)
            {
                j++;
            }
            matched++;
            j++;
        }
        return new BeatMatchScore(reference.Count, detected.Count, matched);
    }

    /// <summary>The EC57 window of 150 ms in samples at <paramref name="sampleRate"/>.</summary>
    public static long WindowSamples(double sampleRate) => (long)Math.Round(0.15 * sampleRate);
}
