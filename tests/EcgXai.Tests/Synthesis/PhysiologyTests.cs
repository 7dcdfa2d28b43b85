using EcgXai.Signals;
using EcgXai.Synthesis;

namespace EcgXai.Tests.Synthesis;

public class PhysiologyTests
{
    private static SyntheticRecord Make(string label, int index, ulong seed = 11, double seconds = 10, SynthesisSettings? settings = null) =>
        EcgSynthesizer.Generate(SynthFixtures.OnlyClass(label, settings), seed, index, seconds, $"{label}-{index}");

    [Theory]
    [InlineData(45.0)]
    [InlineData(72.0)]
    [InlineData(130.0)]
    public void RequestedSinusRateIsRecoveredFromTheBeats(double bpm)
    {
        for (int i = 0; i < 10; i++)
        {
            var rng = new SynthRandom(5, (ulong)i);
            SyntheticPatient patient = SyntheticPatient.Draw(SynthesisSettings.Default with { Classes = new ClassMix(0, 0, 0, 0, 0, 0, false) }, rng) with { HeartRate = bpm };
            SyntheticRecord r = EcgSynthesizer.Render("hr", patient, SynthesisSettings.Default.Noise, 500, 30, rng);
            double measured = SynthFixtures.HeartRate(r.Waves);
            Assert.InRange(measured, bpm * 0.97, bpm * 1.03);
        }
    }

    [Fact]
    public void RateClassesRespectTheirDefinitions()
    {
        for (int i = 0; i < 40; i++)
        {
            Assert.InRange(SynthFixtures.HeartRate(Make(SyntheticLabels.SinusBradycardia, i).Waves), 30, 60);
            Assert.InRange(SynthFixtures.HeartRate(Make(SyntheticLabels.SinusTachycardia, i).Waves), 100, 180);
            Assert.InRange(SynthFixtures.HeartRate(Make(SyntheticLabels.Normal, i).Waves), 58, 102);
        }
    }

    [Fact]
    public void PrIntervalsFollowTheClassDefinitions()
    {
        for (int i = 0; i < 30; i++)
        {
            List<double> avb = SynthFixtures.PrIntervals(Make(SyntheticLabels.FirstDegreeAvBlock, i).Waves);
            List<double> normal = SynthFixtures.PrIntervals(Make(SyntheticLabels.Normal, i).Waves);
            Assert.NotEmpty(avb);
            Assert.NotEmpty(normal);
            Assert.All(avb, pr => Assert.InRange(pr, 0.201, 0.34));
            Assert.All(normal, pr => Assert.InRange(pr, 0.115, 0.2));
        }
    }

    [Fact]
    public void QrsDurationsFollowTheClassDefinitions()
    {
        foreach (string label in new[] { SyntheticLabels.RightBundleBranchBlock, SyntheticLabels.LeftBundleBranchBlock, SyntheticLabels.Normal, SyntheticLabels.AtrialFibrillation })
        {
            bool block = label is SyntheticLabels.RightBundleBranchBlock or SyntheticLabels.LeftBundleBranchBlock;
            for (int i = 0; i < 20; i++)
            {
                WaveAnnotation w = Make(label, i).Waves;
                var qrs = SynthFixtures.InnerRuns(w, WaveLabel.Qrs);
                Assert.NotEmpty(qrs);
                Assert.All(qrs, run => Assert.InRange(run.Length / w.SampleRate, block ? 0.12 : 0.06, block ? 0.18 : 0.115));
            }
        }
    }

    [Fact]
    public void LabelledWaveBoundariesMatchTheSignal()
    {
        // Without noise, baseline-labelled samples are isoelectric: every wave ends where its label says. A wave's
        // label spans its Gaussians' centres ± 2.5 sigma, where each has fallen to exp(-3.125) = 4.4 % of its peak.
        foreach (string label in SyntheticLabels.All.Where(l => l != SyntheticLabels.AtrialFibrillation))
        {
            SyntheticRecord r = Make(label, 3, settings: SynthesisSettings.Default with { Noise = NoiseSettings.None });
            EcgRecord rec = r.Record;
            double peak = 0;
            double baseline = 0;
            for (int lead = 0; lead < 12; lead++)
            {
                ReadOnlySpan<float> x = rec.Lead(lead);
                for (int t = 0; t < rec.SampleCount; t++)
                {
                    peak = Math.Max(peak, Math.Abs(x[t]));
                    if (r.Waves.Labels[t] == WaveLabel.Baseline)
                    {
                        baseline = Math.Max(baseline, Math.Abs(x[t]));
                    }
                }
            }
            Assert.True(baseline < 0.044 * peak, $"{label}: |baseline| up to {baseline:0.000} mV vs peak {peak:0.00} mV");
        }
    }

    [Fact]
    public void LimbLeadsObeyEinthovenAndGoldbergerToFloatPrecision()
    {
        foreach (string label in SyntheticLabels.All)
        {
            SyntheticRecord r = Make(label, 1);
            foreach (EcgRecord rec in new[] { r.Record, r.Decimate(5).Record })
            {
                AssertIdentities(rec, 1e-6);
            }
        }
    }

    internal static void AssertIdentities(EcgRecord rec, double tolerance)
    {
        ReadOnlySpan<float> i = rec.Lead(0), ii = rec.Lead(1), iii = rec.Lead(2), avr = rec.Lead(3), avl = rec.Lead(4), avf = rec.Lead(5);
        double worst = 0;
        for (int t = 0; t < rec.SampleCount; t++)
        {
            double scale = Math.Max(1, Math.Abs(i[t]) + Math.Abs(ii[t]));
            worst = Math.Max(worst, Math.Abs(iii[t] - (ii[t] - i[t])) / scale);
            worst = Math.Max(worst, Math.Abs(avr[t] + ((i[t] + ii[t]) / 2.0)) / scale);
            worst = Math.Max(worst, Math.Abs(avl[t] - (i[t] - (ii[t] / 2.0))) / scale);
            worst = Math.Max(worst, Math.Abs(avf[t] - (ii[t] - (i[t] / 2.0))) / scale);
        }
        Assert.True(worst <= tolerance, $"largest identity residual {worst:E2} mV");
    }

    [Fact]
    public void AtrialFibrillationHasNoPWavesButFibrillatoryWaves()
    {
        for (int i = 0; i < 20; i++)
        {
            WaveAnnotation w = Make(SyntheticLabels.AtrialFibrillation, i).Waves;
            Assert.DoesNotContain(WaveLabel.P, w.Labels);
            Assert.DoesNotContain(WaveLabel.PR, w.Labels);
            Assert.Contains(WaveLabel.FWave, w.Labels);
            WaveAnnotation sinus = Make(SyntheticLabels.Normal, i).Waves;
            Assert.Contains(WaveLabel.P, sinus.Labels);
            Assert.DoesNotContain(WaveLabel.FWave, sinus.Labels);
        }
    }

    [Fact]
    public void FibrillatoryWaveEnergyLiesBetween4And9Hz()
    {
        for (int i = 0; i < 5; i++)
        {
            var rng = new SynthRandom(9, (ulong)i);
            SyntheticPatient af = SyntheticPatient.Draw(SynthFixtures.OnlyClass(SyntheticLabels.AtrialFibrillation), rng);
            // Ventricular waves off, no noise: what remains in V1 is the atrial activity.
            SyntheticRecord r = EcgSynthesizer.Render("f", af with { QrsAmplitude = 0 }, NoiseSettings.None, 500, 10, rng);
            ReadOnlySpan<float> v1 = r.Record.Lead(r.Record.IndexOfLead("V1"));
            double inBand = 0;
            double total = 0;
            for (double f = 0.2; f <= 60; f += 0.1)
            {
                double re = 0, im = 0;
                for (int t = 0; t < v1.Length; t++)
                {
                    double a = 2 * Math.PI * f * t / 500;
                    re += v1[t] * Math.Cos(a);
                    im -= v1[t] * Math.Sin(a);
                }
                double p = (re * re) + (im * im);
                total += p;
                if (f >= 4 && f <= 9)
                {
                    inBand += p;
                }
            }
            Assert.True(total > 0);
            Assert.True(inBand / total > 0.9, $"patient {i}: {inBand / total:P1} of f-wave energy in 4–9 Hz (f0 {af.FWaveFrequency:0.0} Hz)");
        }
    }

    [Fact]
    public void RrIrregularitySeparatesAtrialFibrillationFromSinusRhythm()
    {
        // Default population (noise does not move the ground-truth beats, so it is left out for speed): a trivial
        // score (CV of RR) must rank AF above sinus records (AUROC by pairwise count).
        var af = new List<double>();
        var sinus = new List<double>();
        for (int i = 0; i < 240; i++)
        {
            SyntheticRecord r = EcgSynthesizer.Generate(SynthesisSettings.Default with { Noise = NoiseSettings.None }, 21, i, 10, "r");
            (r.Patient.IsAtrialFibrillation ? af : sinus).Add(SynthFixtures.RrCv(r.Waves));
        }
        Assert.True(af.Count >= 20 && sinus.Count >= 120, $"{af.Count} AF, {sinus.Count} sinus");
        double wins = 0;
        foreach (double a in af)
        {
            foreach (double s in sinus)
            {
                wins += a > s ? 1 : a == s ? 0.5 : 0;
            }
        }
        double auroc = wins / (af.Count * (double)sinus.Count);
        Assert.True(auroc > 0.95, $"AUROC {auroc:0.000}");
        Assert.True(af.Average() > 4 * sinus.Average(), $"mean RR CV AF {af.Average():0.000} vs sinus {sinus.Average():0.000}");
    }

    [Fact]
    public void SameSeedGivesTheSameRecordAndOtherSeedsDiffer()
    {
        SyntheticRecord a = EcgSynthesizer.Generate(SynthesisSettings.Default, 3, 17, 10, "x");
        SyntheticRecord b = EcgSynthesizer.Generate(SynthesisSettings.Default, 3, 17, 10, "x");
        SyntheticRecord c = EcgSynthesizer.Generate(SynthesisSettings.Default, 4, 17, 10, "x");
        Assert.Equal(a.Record.Samples, b.Record.Samples);
        Assert.Equal(a.Waves.Labels, b.Waves.Labels);
        Assert.NotEqual(a.Record.Samples, c.Record.Samples);
    }

    [Fact]
    public void ShiftPresetChangesNoiseRatesAndAmplitudes()
    {
        var d = Enumerable.Range(0, 400).Select(i => SyntheticPatient.Draw(SynthesisSettings.Default, new SynthRandom(2, (ulong)i))).ToList();
        var s = Enumerable.Range(0, 400).Select(i => SyntheticPatient.Draw(SynthesisSettings.Shift, new SynthRandom(2, (ulong)i))).ToList();
        Assert.True(s.Average(p => p.QrsAmplitude) < 0.9 * d.Average(p => p.QrsAmplitude));
        Assert.True(s.Where(p => p.Has(SyntheticLabels.Normal)).Average(p => p.HeartRate) > d.Where(p => p.Has(SyntheticLabels.Normal)).Average(p => p.HeartRate) + 3);
        Assert.Equal(60, SynthesisSettings.Shift.Noise.MainsFrequency);
        Assert.True(SynthesisSettings.Shift.Noise.Emg > SynthesisSettings.Default.Noise.Emg);
    }
}
