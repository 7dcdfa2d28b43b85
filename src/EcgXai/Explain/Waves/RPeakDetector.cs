using EcgXai.Signals;

namespace EcgXai.Explain.Waves;

/// <summary>
/// R-peak detection after Pan and Tompkins (1985) on any set of leads. Each lead is band-passed (5–15 Hz, zero-phase),
/// differentiated (five-point derivative) and squared; the squared slopes of the leads, each scaled by its mean, are
/// summed and integrated over a moving window (150 ms, centred). Local maxima of the integrated signal at least a
/// refractory period (200 ms) apart are candidates, classified by adaptive signal and noise levels (threshold
/// <c>NPKI + 0.25 (SPKI − NPKI)</c>); a candidate within 360 ms of the last beat with less than half its slope is a T wave;
/// when no beat came within 1.66 mean RR intervals, the largest candidate of the gap above half the threshold is
/// taken (search-back). The R peak is the maximum of the summed squared band-passed leads near the accepted candidate.
/// </summary>
public static class RPeakDetector
{
    /// <summary>Sample numbers of the detected R peaks of <paramref name="record"/>, ascending.</summary>
    /// <exception cref="ArgumentException">A lead named in the options is not in the record.</exception>
    public static int[] Detect(EcgRecord record, RPeakDetectorOptions? options = null)
    {
        options ??= new RPeakDetectorOptions();
        int[] leads = LeadIndices(record, options.Leads);
        int n = record.SampleCount;
        double fs = record.SampleRate;
        if (n < fs)
        {
            return [];
        }
        var energy = new double[n];
        var amplitude = new double[n];
        foreach (int lead in leads)
        {
            float[] band = ZeroPhaseBandPass.Apply(record.Lead(lead), fs, options.LowHz, options.HighHz);
            double[] slope = SquaredSlope(band, fs);
            double slopeMean = Math.Max(slope.Average(), 1e-20);
            double bandMean = Math.Max(band.Average(v => (double)v * v), 1e-20);
            for (int i = 0; i < n; i++)
            {
                energy[i] += slope[i] / slopeMean;
                amplitude[i] += band[i] * (double)band[i] / bandMean;
            }
        }
        int w = Math.Max(1, (int)Math.Round(options.IntegrationSeconds * fs));
        double[] integrated = MovingAverage(energy, w);
        int refractory = Math.Max(1, (int)Math.Round(options.RefractorySeconds * fs));
        List<int> candidates = Candidates(integrated, refractory);
        var classifier = new Classifier(integrated, energy, fs, w, options);
        List<int> beats = classifier.Run(candidates);
        return Locate(beats, amplitude, w, refractory);
    }

    /// <summary>Indices of the named leads (all when <paramref name="names"/> is null).</summary>
    internal static int[] LeadIndices(EcgRecord record, IReadOnlyList<string>? names)
    {
        if (names is null || names.Count == 0)
        {
            return Enumerable.Range(0, record.LeadCount).ToArray();
        }
        return names.Select(name => record.IndexOfLead(name) is int i and >= 0
            ? i
            : throw new ArgumentException($"{record.SourcePath}: lead '{name}' is not in the record (leads: {string.Join(", ", record.Leads)})")).ToArray();
    }

    /// <summary>Square of the five-point derivative <c>(2x[n+1] + x[n+2] − x[n−2] − 2x[n−1]) fs / 8</c>.</summary>
    private static double[] SquaredSlope(float[] x, double fs)
    {
        int n = x.Length;
        var result = new double[n];
        for (int i = 2; i < n - 2; i++)
        {
            double d = ((2.0 * x[i + 1]) + x[i + 2] - x[i - 2] - (2.0 * x[i - 1])) * fs / 8;
            result[i] = d * d;
        }
        return result;
    }

    /// <summary>Centred moving average over <paramref name="width"/> samples (shortened at the edges).</summary>
    internal static double[] MovingAverage(double[] x, int width)
    {
        int n = x.Length;
        var prefix = new double[n + 1];
        for (int i = 0; i < n; i++)
        {
            prefix[i + 1] = prefix[i] + x[i];
        }
        var result = new double[n];
        int half = width / 2;
        for (int i = 0; i < n; i++)
        {
            int a = Math.Max(0, i - half);
            int b = Math.Min(n, i - half + width);
            result[i] = (prefix[b] - prefix[a]) / (b - a);
        }
        return result;
    }

    /// <summary>Samples that are the first maximum of the signal within ± <paramref name="radius"/> samples.</summary>
    private static List<int> Candidates(double[] x, int radius)
    {
        int n = x.Length;
        var result = new List<int>();
        var deque = new LinkedList<int>();
        // Sliding maximum over [i - radius, i + radius]: the deque holds indices of decreasing values.
        int next = 0;
        for (int i = 0; i < n; i++)
        {
            for (; next < n && next <= i + radius; next++)
            {
                while (deque.Count > 0 && x[deque.Last!.Value] < x[next])
                {
                    deque.RemoveLast();
                }
                deque.AddLast(next);
            }
            while (deque.First!.Value < i - radius)
            {
                deque.RemoveFirst();
            }
            if (deque.First.Value == i && x[i] > 0)
            {
                result.Add(i);
            }
        }
        return result;
    }

    /// <summary>The R peak of each beat: the maximum of the summed squared band-passed leads within one integration width.</summary>
    private static int[] Locate(List<int> beats, double[] amplitude, int width, int refractory)
    {
        var peaks = new List<int>(beats.Count);
        foreach (int b in beats)
        {
            int from = Math.Max(0, b - width), to = Math.Min(amplitude.Length - 1, b + width);
            int best = from;
            for (int i = from; i <= to; i++)
            {
                if (amplitude[i] > amplitude[best])
                {
                    best = i;
                }
            }
            if (peaks.Count == 0 || best - peaks[^1] >= refractory)
            {
                peaks.Add(best);
            }
        }
        return peaks.ToArray();
    }

    /// <summary>The adaptive-threshold pass over the candidates, with T-wave discrimination and search-back.</summary>
    private sealed class Classifier(double[] integrated, double[] energy, double fs, int width, RPeakDetectorOptions options)
    {
        private readonly List<int> beats = [];
        private readonly List<double> beatSlopes = [];
        private readonly List<(int Sample, double Peak)> noise = [];
        private double spki;
        private double npki;

        private double Threshold => npki + (0.25 * (spki - npki));

        public List<int> Run(List<int> candidates)
        {
            int learn = Math.Min(integrated.Length, (int)(2 * fs));
            spki = integrated.AsSpan(0, learn).ToArray().Max() / 3;
            npki = integrated.AsSpan(0, learn).ToArray().Average() / 2;
            foreach (int c in candidates)
            {
                SearchBack(c);
                Classify(c, integrated[c]);
            }
            SearchBack(integrated.Length - 1);
            return beats;
        }

        private void Classify(int c, double peak)
        {
            if (peak > Threshold && !IsTWave(c))
            {
                Accept(c, peak, 0.125);
            }
            else
            {
                npki = (0.125 * peak) + (0.875 * npki);
                noise.Add((c, peak));
            }
        }

        private bool IsTWave(int c) =>
            beats.Count > 0 && c - beats[^1] < options.TWaveSeconds * fs && Slope(c) < 0.5 * beatSlopes[^1];

        private void Accept(int c, double peak, double weight)
        {
            spki = (weight * peak) + ((1 - weight) * spki);
            beats.Add(c);
            beatSlopes.Add(Slope(c));
            noise.Clear();
        }

        private double Slope(int c)
        {
            double best = 0;
            for (int i = Math.Max(0, c - width); i <= Math.Min(energy.Length - 1, c + width); i++)
            {
                best = Math.Max(best, energy[i]);
            }
            return best;
        }

        private double MeanRr()
        {
            int count = Math.Min(8, beats.Count - 1);
            return count < 1 ? fs : (beats[^1] - beats[^(count + 1)]) / (double)count;
        }

        /// <summary>While no beat came within the search-back interval before <paramref name="now"/>, takes the largest earlier noise peak above half the threshold.</summary>
        private void SearchBack(int now)
        {
            while (beats.Count > 0 && now - beats[^1] > options.SearchBackFactor * MeanRr())
            {
                int refractory = (int)(options.RefractorySeconds * fs);
                int index = -1;
                for (int k = 0; k < noise.Count; k++)
                {
                    (int sample, double peak) = noise[k];
                    if (sample - beats[^1] >= refractory && now - sample >= refractory && peak > 0.5 * Threshold && (index < 0 || peak > noise[index].Peak))
                    {
                        index = k;
                    }
                }
                if (index < 0)
                {
                    return;
                }
                var found = noise[index];
                var later = noise.Skip(index + 1).ToList();
                Accept(found.Sample, found.Peak, 0.25);
                noise.AddRange(later);
            }
        }
    }
}
