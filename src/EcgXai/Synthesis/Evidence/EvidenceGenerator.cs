using EcgXai.Signals;

namespace EcgXai.Synthesis.Evidence;

/// <summary>
/// Planted-evidence records: both classes are drawn from one population (normal sinus rhythm) with the same random
/// streams; a positive record differs from its counterfactual (the same draw without the cue) only by the cue. The region
/// is read off the generator's own parameters, not off the difference: the support (centre ± 5 σ) of the P components
/// removed in the chosen leads (<c>p-absent</c>), of the QRS components before and after widening in every lead
/// (<c>qrs-wide</c>), the ST segments raised in the chosen leads (<c>st-elevation</c>), and for <c>rr-irregular</c>, whose
/// cue has no place of its own, the R-peak windows (± 50 ms) of the beats whose timing was changed.
/// </summary>
public static class EvidenceGenerator
{
    /// <summary>Duration of every record, seconds.</summary>
    public const double Seconds = 10;

    /// <summary>Half-width of the R-peak window that stands for an <c>rr-irregular</c> beat, seconds.</summary>
    public const double ProxyHalfWidth = 0.05;

    /// <summary>Record <paramref name="index"/> of the data set described by <paramref name="options"/>.</summary>
    public static EvidenceRecord Generate(EvidenceOptions options, int index, string id) => Generate(options, index, id, null);

    /// <summary>Record <paramref name="index"/> rendered without its cue (a negative record is returned unchanged).</summary>
    public static EvidenceRecord Counterfactual(EvidenceOptions options, int index, string id) => Generate(options, index, id, false);

    private static EvidenceRecord Generate(EvidenceOptions options, int index, string id, bool? plant)
    {
        bool positive = new SynthRandom(options.Seed ^ 0xE71DE1CEUL, (ulong)index).Bernoulli(options.PositiveShare);
        bool planted = plant ?? positive;
        SynthesisSettings population = options.Population;
        double fs = population.SampleRate;
        string label = positive ? EvidenceKinds.Label(options.Kind) : SyntheticLabels.Normal;
        var cue = new SynthRandom(options.Seed ^ 0xC0E5UL, (ulong)index);
        SyntheticRecord Render(Func<List<Beat>, List<Beat>>? rhythm = null, Func<BeatWaves, BeatWaves>? beat = null)
        {
            var rng = new SynthRandom(options.Seed, (ulong)index);
            SyntheticPatient patient = SyntheticPatient.Draw(population, rng) with { Labels = [label] };
            return EcgSynthesizer.Render(id, patient, population.Noise, fs, Seconds, rng, rhythm, beat);
        }
        SyntheticRecord plain = Render();
        var region = new EvidenceRegion(fs, plain.Record.LeadCount, plain.Record.SampleCount);
        if (!planted)
        {
            return new EvidenceRecord(plain, region, positive);
        }
        int[] leads = (options.Leads ?? EvidenceKinds.DefaultLeads(options.Kind)).Select(name => plain.Record.IndexOfLead(name) is int i and >= 0
            ? i
            : throw new ArgumentException($"lead '{name}' is not one of the synthetic leads ({string.Join(", ", plain.Record.Leads)})")).ToArray();
        void MarkSupport(WaveComponent c)
        {
            foreach (int lead in leads)
            {
                region.Mark(lead, (int)Math.Ceiling((c.Center - (5 * c.Sigma)) * fs), (int)Math.Floor((c.Center + (5 * c.Sigma)) * fs) + 1);
            }
        }
        SyntheticRecord result;
        switch (options.Kind)
        {
            case EvidenceKind.PAbsent:
                SyntheticRecord withoutP = Render(beat: b =>
                {
                    foreach (WaveComponent c in b.Components.Where(c => c.Center < b.QrsOnset))
                    {
                        MarkSupport(c);
                    }
                    return b with { Components = b.Components.Where(c => c.Center >= b.QrsOnset).ToList() };
                });
                result = WithLeads(plain, withoutP, leads);
                break;
            case EvidenceKind.QrsWide:
                double width = cue.Uniform(0.125, 0.14);
                result = Render(beat: b => Widen(b, width, MarkSupport));
                break;
            case EvidenceKind.StElevation:
                result = Elevate(plain, leads, cue.Uniform(0.1, 0.25), region);
                break;
            case EvidenceKind.RrIrregular:
                var moved = new HashSet<double>();
                result = Render(rhythm: beats => Jitter(beats, cue, moved), beat: b =>
                {
                    if (moved.Contains(b.QrsOnset))
                    {
                        int r = (int)Math.Round(b.RPeak * fs);
                        int half = (int)Math.Round(ProxyHalfWidth * fs);
                        foreach (int lead in leads)
                        {
                            region.Mark(lead, r - half, r + half + 1);
                        }
                    }
                    return b;
                });
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Kind, "unknown evidence kind");
        }
        return new EvidenceRecord(result, region, positive);
    }

    /// <summary><paramref name="a"/> with the samples of <paramref name="leads"/> taken from <paramref name="b"/>.</summary>
    private static SyntheticRecord WithLeads(SyntheticRecord a, SyntheticRecord b, int[] leads)
    {
        float[] samples = (float[])a.Record.Samples.Clone();
        int n = a.Record.SampleCount;
        foreach (int lead in leads)
        {
            b.Record.Lead(lead).CopyTo(samples.AsSpan(lead * n, n));
        }
        return a with { Record = a.Record with { Samples = samples } };
    }

    /// <summary>The QRS components stretched from QRS onset to <paramref name="width"/> seconds; T stays where it was.</summary>
    private static BeatWaves Widen(BeatWaves b, double width, Action<WaveComponent> mark)
    {
        double d = b.QrsOffset - b.QrsOnset;
        double target = Math.Min(width, b.TOnset - b.QrsOnset - 0.01);
        double k = Math.Max(1, target / d);
        var components = new List<WaveComponent>(b.Components.Count);
        foreach (WaveComponent c in b.Components)
        {
            if (c.Center >= b.QrsOnset && c.Center <= b.QrsOffset)
            {
                var wide = new WaveComponent(b.QrsOnset + ((c.Center - b.QrsOnset) * k), c.Sigma * k, c.Amplitude);
                mark(c);
                mark(wide);
                components.Add(wide);
            }
            else
            {
                components.Add(c);
            }
        }
        return b with { Components = components, QrsOffset = b.QrsOnset + (d * k), RPeak = b.QrsOnset + ((b.RPeak - b.QrsOnset) * k) };
    }

    /// <summary>Raises every ST segment of <paramref name="leads"/> by a sin² plateau of <paramref name="amplitude"/> mV, zero at its ends.</summary>
    private static SyntheticRecord Elevate(SyntheticRecord plain, int[] leads, double amplitude, EvidenceRegion region)
    {
        float[] samples = (float[])plain.Record.Samples.Clone();
        int n = plain.Record.SampleCount;
        int start = 0;
        foreach (var (label, length) in plain.Waves.Runs())
        {
            if (label == WaveLabel.ST)
            {
                foreach (int lead in leads)
                {
                    for (int t = 0; t < length; t++)
                    {
                        double s = Math.Sin(Math.PI * (t + 1) / (length + 1));
                        samples[(lead * n) + start + t] += (float)(amplitude * s * s);
                    }
                    region.Mark(lead, start, start + length);
                }
            }
            start += length;
        }
        return plain with { Record = plain.Record with { Samples = samples } };
    }

    /// <summary>Moves about half the beats by 12–25 % of their RR (earlier or later, order kept); <paramref name="moved"/> collects their new onsets.</summary>
    private static List<Beat> Jitter(List<Beat> beats, SynthRandom rng, HashSet<double> moved)
    {
        var onsets = beats.Select(b => b.QrsOnset).ToArray();
        for (int i = 1; i + 1 < onsets.Length; i++)
        {
            if (!rng.Bernoulli(0.5))
            {
                continue;
            }
            double rr = onsets[i] - onsets[i - 1];
            double shifted = onsets[i] + ((rng.Bernoulli(0.5) ? 1 : -1) * rng.Uniform(0.12, 0.25) * rr);
            double earliest = onsets[i - 1] + 0.4, latest = onsets[i + 1] - 0.4;
            if (shifted > earliest && shifted < latest)
            {
                onsets[i] = shifted;
                moved.Add(shifted);
            }
        }
        return onsets.Select((t, i) => new Beat(t, i == 0 ? beats[0].RrBefore : t - onsets[i - 1], beats[i].Kind)).ToList();
    }
}
