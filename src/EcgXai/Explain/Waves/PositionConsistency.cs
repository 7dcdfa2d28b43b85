namespace EcgXai.Explain.Waves;

/// <summary>
/// Spread of a concept's peak-relevance positions relative to the cardiac cycle over its references: the offset from the
/// nearest R peak (ms; mean and standard deviation) and the phase within the RR interval that contains the peak
/// (fraction in [0, 1) from the preceding R peak; circular mean and circular standard deviation √(−2 ln R̄), with R̄ the
/// mean resultant length: 0 = always the same phase).
/// </summary>
/// <param name="References">References with a peak between two R peaks.</param>
/// <param name="MeanOffsetMs">Mean offset from the nearest R peak, ms.</param>
/// <param name="OffsetSpreadMs">Standard deviation of that offset, ms.</param>
/// <param name="MeanPhase">Circular mean phase in the RR interval, fraction in [0, 1).</param>
/// <param name="PhaseSpread">Circular standard deviation of the phase, fraction of the RR interval.</param>
/// <param name="ResultantLength">Mean resultant length R̄ of the phases (1 = identical).</param>
public sealed record PositionConsistency(int References, double MeanOffsetMs, double OffsetSpreadMs, double MeanPhase, double PhaseSpread, double ResultantLength)
{
    /// <summary>
    /// Measures the positions <paramref name="peaks"/> (sample of peak relevance per reference) against each reference's
    /// R peaks (<paramref name="rPeaks"/>, ascending) at <paramref name="sampleRate"/>; peaks outside the first and last R peak are skipped.
    /// </summary>
    public static PositionConsistency Measure(IReadOnlyList<int> peaks, IReadOnlyList<IReadOnlyList<int>> rPeaks, double sampleRate)
    {
        if (peaks.Count != rPeaks.Count)
        {
            throw new ArgumentException($"{peaks.Count} peak positions but {rPeaks.Count} R-peak lists");
        }
        var offsets = new List<double>();
        double sx = 0, sy = 0;
        for (int i = 0; i < peaks.Count; i++)
        {
            IReadOnlyList<int> r = rPeaks[i];
            int p = peaks[i];
            int next = 0;
            while (next < r.Count && r[next] <= p)
            {
                next++;
            }
            if (next == 0 || next == r.Count)
            {
                continue;
            }
            int before = r[next - 1], after = r[next];
            offsets.Add((p - before <= after - p ? p - before : p - after) * 1000 / sampleRate);
            double phase = (p - before) / (double)(after - before);
            sx += Math.Cos(2 * Math.PI * phase);
            sy += Math.Sin(2 * Math.PI * phase);
        }
        int n = offsets.Count;
        if (n == 0)
        {
            return new PositionConsistency(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }
        double mean = offsets.Average();
        double sd = Math.Sqrt(offsets.Sum(o => (o - mean) * (o - mean)) / n);
        double resultant = Math.Sqrt((sx * sx) + (sy * sy)) / n;
        double meanPhase = Math.Atan2(sy, sx) / (2 * Math.PI);
        double spread = resultant >= 1 ? 0 : Math.Sqrt(-2 * Math.Log(Math.Max(resultant, 1e-300))) / (2 * Math.PI);
        return new PositionConsistency(n, mean, sd, meanPhase < 0 ? meanPhase + 1 : meanPhase, spread, resultant);
    }

    /// <summary>The sample of largest summed positive relevance over leads, of relevance <c>[leads × samples]</c>.</summary>
    public static int PeakSample(ReadOnlySpan<float> relevance, int leads)
    {
        int n = relevance.Length / leads;
        int best = 0;
        double bestValue = double.NegativeInfinity;
        for (int t = 0; t < n; t++)
        {
            double v = 0;
            for (int l = 0; l < leads; l++)
            {
                v += Math.Max(0, relevance[(l * n) + t]);
            }
            if (v > bestValue)
            {
                bestValue = v;
                best = t;
            }
        }
        return best;
    }
}
