using EcgXai.Signals;
using EcgXai.Synthesis;

namespace EcgXai.Explain.Waves;

/// <summary>
/// Template-based delineation of P, QRS and T. The chosen leads are band-passed (0.5–40 Hz, zero-phase) and a median
/// beat is formed per lead around the R peaks (up to 0.4 s before and 0.7 s after, at most half and 0.9 of the median
/// RR). On the median beat: the QRS spans the run around the R peak where the summed squared slope of the leads stays
/// above a fraction of its peak; the isoelectric level of each lead is the mean of the 15–5 ms before QRS onset; the
/// deviation from it, summed in quadrature over leads, peaks in the T wave (after QRS offset + 40 ms) and in the P wave
/// (the 350 ms before QRS onset, after the previous beat's T); a wave's boundaries are where its deviation falls below a
/// fraction of its peak, and a P wave exists only when its peak reaches a fraction of the QRS's. Each beat takes the
/// template's boundaries relative to its own R peak, its ST-T stretched by √(RR / median RR) (Bazett). Samples outside
/// every wave are baseline, or f-wave activity when no P wave is found and RR is irregular.
/// </summary>
public static class WaveDelineator
{
    /// <summary>Delineates <paramref name="record"/> given its R peaks (e.g. from <see cref="RPeakDetector"/>).</summary>
    /// <exception cref="ArgumentException">A lead named in the options is not in the record.</exception>
    public static Delineation Delineate(EcgRecord record, IReadOnlyList<int> rPeaks, DelineatorOptions? options = null)
    {
        options ??= new DelineatorOptions();
        int[] leads = RPeakDetector.LeadIndices(record, options.Leads);
        int n = record.SampleCount;
        double fs = record.SampleRate;
        if (rPeaks.Count < 2)
        {
            return new Delineation([], new WaveAnnotation(fs, rPeaks.ToArray(), WavePainter.Paint(n, WaveLabel.Baseline, [])));
        }
        double[] rr = rPeaks.Zip(rPeaks.Skip(1), (a, b) => (double)(b - a)).ToArray();
        double medianRr = Median(rr);
        int pre = (int)Math.Round(Math.Min(0.4 * fs, 0.5 * medianRr));
        int post = (int)Math.Round(Math.Min(0.7 * fs, 0.9 * medianRr));
        float[][] filtered = leads.Select(l => ZeroPhaseBandPass.Apply(record.Lead(l), fs, 0.5, 40)).ToArray();
        double[][] template = filtered.Select(x => MedianBeat(x, rPeaks, pre, post)).ToArray();
        TemplateWaves t = Analyse(template, pre, fs, medianRr, options);

        var beats = new List<BeatWindows>(rPeaks.Count);
        for (int i = 0; i < rPeaks.Count; i++)
        {
            int r = rPeaks[i];
            double stretch = Math.Sqrt((i > 0 ? rPeaks[i] - rPeaks[i - 1] : medianRr) / medianRr);
            int tOn = r + t.QrsOffset + (int)Math.Round((t.TOnset - t.QrsOffset) * stretch);
            int tOff = r + t.QrsOffset + (int)Math.Round((t.TOffset - t.QrsOffset) * stretch);
            if (i + 1 < rPeaks.Count)
            {
                tOff = Math.Min(tOff, rPeaks[i + 1] + t.QrsOnset);
                tOn = Math.Min(tOn, tOff);
            }
            int? pOn = t.HasP ? r + t.POnset : null;
            int? pOff = t.HasP ? r + t.POffset : null;
            beats.Add(new BeatWindows(r, pOn, pOff, r + t.QrsOnset, r + t.QrsOffset, tOn, tOff));
        }
        double cv = Math.Sqrt(rr.Select(x => (x - rr.Average()) * (x - rr.Average())).Average()) / rr.Average();
        WaveLabel fill = !t.HasP && cv > options.IrregularRr ? WaveLabel.FWave : WaveLabel.Baseline;
        return new Delineation(beats, new WaveAnnotation(fs, rPeaks.ToArray(), WavePainter.Paint(n, fill, beats)));
    }

    /// <summary>Boundaries on the template, in samples relative to the R peak.</summary>
    private sealed record TemplateWaves(bool HasP, int POnset, int POffset, int QrsOnset, int QrsOffset, int TOnset, int TOffset);

    private static TemplateWaves Analyse(double[][] template, int pre, double fs, double medianRr, DelineatorOptions options)
    {
        int m = template[0].Length;
        int Ms(double ms) => Math.Max(1, (int)Math.Round(ms * fs / 1000));
        var slope = new double[m];
        for (int k = 1; k < m - 1; k++)
        {
            foreach (double[] x in template)
            {
                double d = (x[k + 1] - x[k - 1]) * fs / 2;
                slope[k] += d * d;
            }
        }
        double slopePeak = slope.AsSpan(Math.Max(0, pre - Ms(60)), Math.Min(m, pre + Ms(60)) - Math.Max(0, pre - Ms(60))).ToArray().Max();
        double slopeThreshold = options.QrsSlopeFraction * slopePeak;
        int quiet = Ms(10);
        int qrsOn = Walk(slope, pre, -1, slopeThreshold, quiet, Math.Max(1, pre - Ms(120)));
        int qrsOff = Walk(slope, pre, +1, slopeThreshold, quiet, Math.Min(m - 2, pre + Ms(150)));

        int isoFrom = Math.Max(0, qrsOn - Ms(15)), isoTo = Math.Max(isoFrom + 1, qrsOn - Ms(5));
        double[] iso = template.Select(x => x.AsSpan(isoFrom, isoTo - isoFrom).ToArray().Average()).ToArray();
        var deviation = new double[m];
        for (int k = 0; k < m; k++)
        {
            double sum = 0;
            for (int l = 0; l < template.Length; l++)
            {
                double v = template[l][k] - iso[l];
                sum += v * v;
            }
            deviation[k] = Math.Sqrt(sum);
        }
        double qrsPeak = deviation.AsSpan(qrsOn, Math.Max(1, qrsOff - qrsOn)).ToArray().Max();

        (int tOn, int tOff) = Wave(deviation, qrsOff + Ms(40), m - 1, qrsOff, m, options.WaveFraction);
        // The previous beat's T ends at tOff - medianRr in template coordinates; the P search starts after it.
        int pFrom = Math.Max(Math.Max(0, qrsOn - Ms(350)), tOff - (int)Math.Round(medianRr) + 1);
        int pTo = qrsOn - Ms(15);
        bool hasP = false;
        int pOn = 0, pOff = 0;
        if (pTo - pFrom > Ms(30))
        {
            int pPeak = ArgMax(deviation, pFrom, pTo);
            hasP = deviation[pPeak] >= options.PWaveFraction * qrsPeak;
            (pOn, pOff) = Wave(deviation, pFrom, pTo, pFrom, qrsOn, options.WaveFraction);
        }
        return new TemplateWaves(hasP, pOn - pre, pOff - pre, qrsOn - pre, qrsOff - pre, tOn - pre, tOff - pre);
    }

    /// <summary>
    /// The wave whose peak is the largest value of <paramref name="x"/> in [<paramref name="from"/>, <paramref name="to"/>):
    /// boundaries where <paramref name="x"/> falls below <paramref name="fraction"/> of the peak, within [<paramref name="low"/>, <paramref name="high"/>).
    /// </summary>
    private static (int Onset, int Offset) Wave(double[] x, int from, int to, int low, int high, double fraction)
    {
        if (to <= from)
        {
            return (Math.Min(from, high), Math.Min(from, high));
        }
        int peak = ArgMax(x, from, to);
        double threshold = fraction * x[peak];
        int on = peak, off = peak;
        while (on > low && x[on - 1] >= threshold)
        {
            on--;
        }
        while (off < high - 1 && x[off + 1] >= threshold)
        {
            off++;
        }
        return (on, off + 1);
    }

    /// <summary>
    /// Walks from <paramref name="start"/> in <paramref name="step"/> direction until <paramref name="x"/> has stayed below the
    /// threshold for <paramref name="quiet"/> samples (or <paramref name="limit"/>); returns the onset (inclusive, walking back)
    /// or the offset (exclusive, walking forward) of the run above the threshold.
    /// </summary>
    private static int Walk(double[] x, int start, int step, double threshold, int quiet, int limit)
    {
        int k = start;
        int below = 0;
        while (k != limit && below < quiet)
        {
            k += step;
            below = x[k] < threshold ? below + 1 : 0;
        }
        if (below < quiet)
        {
            return step < 0 ? k : k + 1;
        }
        return step < 0 ? k + quiet : k - quiet + 1;
    }

    private static int ArgMax(double[] x, int from, int to)
    {
        int best = from;
        for (int k = from; k < to; k++)
        {
            if (x[k] > x[best])
            {
                best = k;
            }
        }
        return best;
    }

    /// <summary>Median over the beats whose window lies inside the record, per offset in [−pre, post].</summary>
    private static double[] MedianBeat(float[] x, IReadOnlyList<int> peaks, int pre, int post)
    {
        var inside = peaks.Where(p => p - pre >= 0 && p + post < x.Length).ToArray();
        if (inside.Length == 0)
        {
            inside = [.. peaks];
        }
        var result = new double[pre + post + 1];
        var column = new double[inside.Length];
        for (int k = -pre; k <= post; k++)
        {
            for (int b = 0; b < inside.Length; b++)
            {
                column[b] = x[Math.Clamp(inside[b] + k, 0, x.Length - 1)];
            }
            result[k + pre] = Median(column);
        }
        return result;
    }

    private static double Median(double[] values)
    {
        double[] sorted = values.Order().ToArray();
        int h = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2;
    }
}
