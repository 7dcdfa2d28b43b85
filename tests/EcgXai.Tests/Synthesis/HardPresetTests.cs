using EcgXai.Synthesis;

namespace EcgXai.Tests.Synthesis;

/// <summary>The <c>hard</c> preset: classes near their clinical limits and irregular rhythms that are not AF.</summary>
public class HardPresetTests
{
    private static SyntheticRecord Make(string label, int index, double seconds = 10) =>
        EcgSynthesizer.Generate(SynthFixtures.OnlyClass(label, SynthesisSettings.HardPreset), 23, index, seconds, $"{label}-{index}");

    [Fact]
    public void IntervalsAndRatesCrowdTheClinicalLimits()
    {
        var blockPr = new List<double>();
        var normalPr = new List<double>();
        for (int i = 0; i < 30; i++)
        {
            blockPr.AddRange(SynthFixtures.PrIntervals(Make(SyntheticLabels.FirstDegreeAvBlock, i).Waves));
            normalPr.AddRange(SynthFixtures.PrIntervals(Make(SyntheticLabels.Normal, i).Waves));
            Assert.InRange(SynthFixtures.HeartRate(Make(SyntheticLabels.SinusBradycardia, i).Waves), 40, 62);
            Assert.InRange(SynthFixtures.HeartRate(Make(SyntheticLabels.SinusTachycardia, i).Waves), 98, 135);
        }
        Assert.All(blockPr, pr => Assert.InRange(pr, 0.195, 0.245));
        Assert.All(normalPr, pr => Assert.InRange(pr, 0.1, 0.205));
        // Both classes come within 20 ms of the 200 ms limit.
        Assert.Contains(blockPr, pr => pr < 0.215);
        Assert.Contains(normalPr, pr => pr > 0.185);
        for (int i = 0; i < 10; i++)
        {
            WaveAnnotation w = Make(SyntheticLabels.RightBundleBranchBlock, i).Waves;
            Assert.All(SynthFixtures.InnerRuns(w, WaveLabel.Qrs), run => Assert.InRange(run.Length / w.SampleRate, 0.105, 0.135));
        }
    }

    [Fact]
    public void SinusRecordsIncludeIrregularConfoundersAndFlutterWithVariableBlock()
    {
        var population = Enumerable.Range(0, 300).Select(i => EcgSynthesizer.Generate(SynthesisSettings.HardPreset, 5, i, 10, $"h{i}")).ToList();
        var flutter = population.Where(r => r.Patient.IsAtrialFlutter).ToList();
        Assert.NotEmpty(flutter);
        foreach (SyntheticRecord r in flutter)
        {
            Assert.DoesNotContain(SyntheticLabels.Normal, r.Patient.Labels);
            Assert.DoesNotContain(WaveLabel.P, r.Waves.Labels);
            // Ventricles follow every 2nd to 4th flutter wave: each RR is a multiple of the flutter cycle.
            double cycle = 1 / r.Patient.FWaveFrequency;
            Assert.All(SynthFixtures.RrIntervals(r.Waves), rr => Assert.InRange(Math.Abs((rr / cycle) - Math.Round(rr / cycle)), 0, 0.05));
        }
        var sinus = population.Where(r => !r.Patient.HasAtrialArrhythmia).ToList();
        Assert.Contains(sinus, r => r.Patient.EctopyRate > 0 && SynthFixtures.RrCv(r.Waves) > 0.1);
        Assert.Contains(sinus, r => r.Patient.RrVariability >= 0.06);
        var af = population.Where(r => r.Patient.IsAtrialFibrillation).ToList();
        HardSettings hard = SynthesisSettings.HardPreset.Hard!;
        Assert.All(af, r => Assert.InRange(r.Patient.FWaveAmplitude, hard.FWaveMin, hard.FWaveMax));
        Assert.Contains(af, r => r.Patient.FWaveAmplitude < 0.05);
        // AF as regular as marked sinus arrhythmia (RR variation up to 14 %) exists: irregularity alone does not separate them.
        Assert.Contains(af, r => r.Patient.RrVariability < 0.14);
    }

    [Fact]
    public void PrematureVentricularBeatsAreWideWithoutPWave()
    {
        var rng = new SynthRandom(9, 1);
        SyntheticPatient p = SyntheticPatient.Draw(SynthFixtures.OnlyClass(SyntheticLabels.Normal, SynthesisSettings.HardPreset), rng)
            with
        { EctopyRate = 0.3, VentricularEctopyShare = 1, RrVariability = 0.01 };
        SyntheticRecord r = EcgSynthesizer.Render("pvc", p, NoiseSettings.None, 500, 20, rng);
        var qrs = SynthFixtures.InnerRuns(r.Waves, WaveLabel.Qrs).Select(run => run.Length / 500.0).ToList();
        Assert.Contains(qrs, d => d > 0.14);
        Assert.Contains(qrs, d => d < 0.115);
        Assert.True(SynthFixtures.InnerRuns(r.Waves, WaveLabel.P).Count < qrs.Count, "premature ventricular beats have no P wave");
    }

    [Fact]
    public void PresetIsSelectableByName() => Assert.Same(SynthesisSettings.HardPreset, SynthesisSettings.FromPreset("hard"));
}
