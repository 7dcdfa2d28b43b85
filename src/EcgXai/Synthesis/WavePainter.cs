namespace EcgXai.Synthesis;

/// <summary>Per-sample wave labels from beat boundaries, shared by the generator's ground truth and the delineator.</summary>
public static class WavePainter
{
    /// <summary>
    /// Labels of <paramref name="sampleCount"/> samples: <paramref name="fill"/> (baseline or f-wave) everywhere, then ST
    /// and T, then P and PR (a P wave riding on a T wave wins), then QRS; windows are clipped to the record.
    /// </summary>
    public static WaveLabel[] Paint(int sampleCount, WaveLabel fill, IEnumerable<BeatWindows> beats)
    {
        var labels = new WaveLabel[sampleCount];
        Array.Fill(labels, fill);
        void Fill(int from, int to, WaveLabel label)
        {
            int a = Math.Max(0, from);
            int b = Math.Min(sampleCount, to);
            if (b > a)
            {
                labels.AsSpan(a, b - a).Fill(label);
            }
        }
        var list = beats as IReadOnlyList<BeatWindows> ?? beats.ToList();
        foreach (BeatWindows b in list)
        {
            Fill(b.QrsOffset, b.TOnset, WaveLabel.ST);
            Fill(b.TOnset, b.TOffset, WaveLabel.T);
        }
        foreach (BeatWindows b in list)
        {
            if (b is { POnset: int pOn, POffset: int pOff })
            {
                Fill(pOn, pOff, WaveLabel.P);
                Fill(pOff, b.QrsOnset, WaveLabel.PR);
            }
        }
        foreach (BeatWindows b in list)
        {
            Fill(b.QrsOnset, b.QrsOffset, WaveLabel.Qrs);
        }
        return labels;
    }
}
