using EcgXai.Tests.Synthesis;
using EcgXai.Explain.Waves;
using EcgXai.Synthesis;

namespace EcgXai.Tests.Explain.Waves;

/// <summary>Detector and delineator against the generator's ground truth.</summary>
public class WaveDelineatorTests
{
    [Fact]
    public void DefaultPresetRPeaksReach995PercentAndWindowsOverlapTheTruth()
    {
        SyntheticDelineationScore score = SyntheticDelineationScore.Measure(SynthesisSettings.Default, 40, 17);
        Assert.True(score.Beats.ReferenceBeats > 300, $"{score.Beats.ReferenceBeats} beats");
        Assert.True(score.Beats.Sensitivity >= 0.995, $"Se {score.Beats.Sensitivity:P2}");
        Assert.True(score.Beats.PositivePredictivity >= 0.995, $"+P {score.Beats.PositivePredictivity:P2}");
        // Sanity of the delineated windows, far below what they reach (docs/experiments.md reports the figures).
        Assert.True(score.Overlap[WaveLabel.Qrs].Jaccard > 0.5, $"QRS Jaccard {score.Overlap[WaveLabel.Qrs].Jaccard:F2}");
        Assert.True(score.Overlap[WaveLabel.T].Jaccard > 0.3, $"T Jaccard {score.Overlap[WaveLabel.T].Jaccard:F2}");
        Assert.True(score.Overlap[WaveLabel.P].Jaccard > 0.3, $"P Jaccard {score.Overlap[WaveLabel.P].Jaccard:F2}");
    }

    [Fact]
    public void AtrialFibrillationMostlyGetsNoPWavesAndSinusRhythmAlwaysDoes()
    {
        int withoutP = 0;
        for (int i = 0; i < 10; i++)
        {
            SyntheticRecord af = EcgSynthesizer.Generate(Only(SyntheticLabels.AtrialFibrillation), 3, i, 10, "af");
            Delineation d = WaveDelineator.Delineate(af.Record, RPeakDetector.Detect(af.Record));
            withoutP += d.Beats.All(b => b.POnset is null) ? 1 : 0;
            SyntheticRecord sinus = EcgSynthesizer.Generate(Only(SyntheticLabels.Normal), 3, i, 10, "n");
            Delineation s = WaveDelineator.Delineate(sinus.Record, RPeakDetector.Detect(sinus.Record));
            Assert.All(s.Beats, b => Assert.True(b.POnset < b.POffset && b.POffset <= b.QrsOnset && b.QrsOnset < b.RPeak && b.RPeak < b.QrsOffset && b.QrsOffset <= b.TOnset));
        }
        // The median beat averages fibrillatory waves away; large f-waves can still leave a P-like residue.
        Assert.True(withoutP >= 7, $"{withoutP} of 10 AF records delineated without P waves");
    }

    [Fact]
    public void JaccardCountsSharedAndEitherSamplesPerClass()
    {
        WaveLabel[] a = [WaveLabel.Qrs, WaveLabel.Qrs, WaveLabel.T, WaveLabel.Baseline];
        WaveLabel[] b = [WaveLabel.Qrs, WaveLabel.T, WaveLabel.T, WaveLabel.Baseline];
        var o = WaveOverlap.Measure(a, b);
        Assert.Equal(0.5, o[WaveLabel.Qrs].Jaccard);
        Assert.Equal(0.5, o[WaveLabel.T].Jaccard);
        Assert.Equal(1, o[WaveLabel.Baseline].Jaccard);
        Assert.Equal(new WaveOverlap(0, 0), o[WaveLabel.P]);
    }

    private static SynthesisSettings Only(string label) => SynthFixtures.OnlyClass(label);
}
