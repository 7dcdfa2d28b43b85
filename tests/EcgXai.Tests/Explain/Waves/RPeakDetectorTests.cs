using EcgXai.Explain.Waves;
using EcgXai.Signals.Annotations;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.Explain.Waves;

/// <summary>The Pan-Tompkins-style detector scored like EC57 against MIT-BIH record 100 (all 30 minutes).</summary>
public class RPeakDetectorTests
{
    [SkippableFact]
    public void Record100SensitivityAndPositivePredictivityReach995Percent()
    {
        string record = SharedData.Require("data/wfdb-conformance/100.hea");
        BeatsResult result = BeatDetection.Run(new BeatsOptions(record, new RPeakDetectorOptions(), "atr"));
        BeatMatchScore score = result.Score!;
        int referenceBeats = WfdbAnnotationReader.Read(WfdbAnnotationReader.PathOf(record, "atr")).Count(a => a.IsBeat);
        Assert.Equal(referenceBeats, score.ReferenceBeats);
        Assert.True(score.Sensitivity >= 0.995, $"Se {score.Sensitivity:P2} ({score.FalseNegatives} missed of {score.ReferenceBeats})");
        Assert.True(score.PositivePredictivity >= 0.995, $"+P {score.PositivePredictivity:P2} ({score.FalsePositives} false of {score.DetectedBeats})");
    }

    [Fact]
    public void MatchingPairsEachReferenceWithOneDetectionInsideTheWindow()
    {
        long[] reference = [100, 400, 700, 1000];
        long[] detected = [90, 180, 410, 705, 1200];
        BeatMatchScore s = BeatMatchScore.Match(reference, detected, 54);
        Assert.Equal(3, s.TruePositives);
        Assert.Equal(1, s.FalseNegatives);
        Assert.Equal(2, s.FalsePositives);
        Assert.Equal(0.75, s.Sensitivity);
        Assert.Equal(0.6, s.PositivePredictivity, 12);
        Assert.Equal(54, BeatMatchScore.WindowSamples(360));
    }
}
