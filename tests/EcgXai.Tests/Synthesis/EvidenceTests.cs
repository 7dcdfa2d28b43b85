using EcgXai.Datasets;
using EcgXai.Synthesis;
using EcgXai.Synthesis.Evidence;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.Synthesis;

/// <summary>Planted evidence: a positive record differs from its counterfactual only inside the region, and the region is where the cue is.</summary>
public class EvidenceTests
{
    [Theory]
    [InlineData(EvidenceKind.PAbsent)]
    [InlineData(EvidenceKind.StElevation)]
    [InlineData(EvidenceKind.QrsWide)]
    public void TheCueLiesOnlyInItsRegion(EvidenceKind kind)
    {
        var options = new EvidenceOptions("unused", kind, 20, 4);
        int positives = 0;
        for (int i = 0; i < 20; i++)
        {
            EvidenceRecord e = EvidenceGenerator.Generate(options, i, "r");
            EvidenceRecord plain = EvidenceGenerator.Counterfactual(options, i, "r");
            float[] a = e.Record.Record.Samples, b = plain.Record.Record.Samples;
            int n = e.Record.Record.SampleCount;
            if (!e.Positive)
            {
                Assert.Equal(b, a);
                Assert.Equal(0, e.Region.Count);
                continue;
            }
            positives++;
            int changedInside = 0;
            for (int lead = 0; lead < 12; lead++)
            {
                for (int t = 0; t < n; t++)
                {
                    bool changed = a[(lead * n) + t] != b[(lead * n) + t];
                    if (!e.Region.Contains(lead, t))
                    {
                        Assert.False(changed, $"{kind} record {i}: lead {lead} sample {t} changed outside the region");
                    }
                    else if (Math.Abs(a[(lead * n) + t] - b[(lead * n) + t]) > 0.005)
                    {
                        changedInside++;
                    }
                }
            }
            // The cue is really there: a visible share of the region differs by more than 5 µV.
            Assert.True(changedInside > 0.2 * e.Region.Count, $"{kind} record {i}: {changedInside} of {e.Region.Count} region cells carry the cue");
            Assert.InRange(e.Region.Share, 1e-3, 0.5);
        }
        Assert.InRange(positives, 4, 16);
    }

    [Fact]
    public void RrIrregularRegionIsTheRPeakWindowsOfTheMovedBeats()
    {
        var options = new EvidenceOptions("unused", EvidenceKind.RrIrregular, 10, 8);
        for (int i = 0; i < 10; i++)
        {
            EvidenceRecord e = EvidenceGenerator.Generate(options, i, "r");
            if (!e.Positive)
            {
                continue;
            }
            WaveAnnotation planted = e.Record.Waves, plain = EvidenceGenerator.Counterfactual(options, i, "r").Record.Waves;
            int half = (int)Math.Round(EvidenceGenerator.ProxyHalfWidth * 500);
            var moved = planted.BeatSamples.Where(b => !plain.BeatSamples.Contains(b)).ToList();
            Assert.NotEmpty(moved);
            var expected = new bool[planted.Labels.Count];
            foreach (int b in moved)
            {
                for (int t = Math.Max(0, b - half); t <= Math.Min(expected.Length - 1, b + half); t++)
                {
                    expected[t] = true;
                }
            }
            for (int lead = 0; lead < 12; lead++)
            {
                Assert.Equal(expected, Enumerable.Range(0, expected.Length).Select(t => e.Region.Contains(lead, t)));
            }
            Assert.True(EvidenceKinds.IsProxyRegion(EvidenceKind.RrIrregular));
            // P waves are kept: every beat still has one.
            Assert.InRange(SynthFixtures.InnerRuns(planted, WaveLabel.P).Count, planted.BeatSamples.Count - 2, planted.BeatSamples.Count + 1);
        }
    }

    [Fact]
    public void DatasetIsReadableAsPtbXlWithThePositiveClassNamedAfterTheKind()
    {
        using var dir = new TempDir();
        string root = Path.Combine(dir.Path, "ev");
        SyntheticDatasetSummary summary = EvidenceDatasetWriter.Write(new EvidenceOptions(root, EvidenceKind.PAbsent, 24, 3));
        Assert.Equal("EVIDENCE_P_ABSENT", summary.LabelCounts[0].Key);
        DatasetIndex index = DatasetIndex.Load(DatasetSpec.Parse("ptbxl:" + root), 100);
        Assert.Equal(24, index.Selected.Count);
        Assert.Equal(summary.LabelCounts[0].Value, index.Selected.Count(e => e.Labels.Contains("EVIDENCE_P_ABSENT")));
        string first = Path.Combine(root, "records100", "00000", "00001_lr");
        EvidenceRegion low = EvidenceRegion.Load(first + EvidenceRegion.Extension);
        EvidenceRegion high = EvidenceRegion.Load(Path.Combine(root, "records500", "00000", "00001_hr") + EvidenceRegion.Extension);
        Assert.Equal(100, low.SampleRate);
        Assert.Equal(high.SampleCount / 5, low.SampleCount);
        Assert.True(high.Count == 0 ? low.Count == 0 : low.Count * 5 >= high.Count);
    }
}
