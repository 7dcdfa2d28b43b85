using EcgXai.Datasets;
using EcgXai.Explain.Attribution;
using EcgXai.Explain.Composites;
using EcgXai.Explain.Crp;
using EcgXai.Explain.Evidence;
using EcgXai.Explain.Faithfulness;
using EcgXai.IO;
using EcgXai.Models;
using EcgXai.Synthesis.Evidence;
using EcgXai.Tests.Models;
using EcgXai.Tests.Support;
using static TorchSharp.torch;

namespace EcgXai.Tests.Explain.Evidence;

/// <summary><c>groundtruth</c> on planted-evidence data with a tiny random model: every variant scored, random at the region's share, proxy regions said.</summary>
public class GroundTruthTests
{
    /// <summary>A tiny model on about 10 s at 50 Hz, so the whole record (and its cue) is on the input grid.</summary>
    private static string Model(TempDir dir, string positive)
    {
        string path = Path.Combine(dir.Path, "run", "models", "best.safetensors");
        using ResNet1d model = TestModels.Random(TestModels.Tiny with { Lengths = [512, 128, 32], SampleRate = 50, ClassNames = [positive] }, 9);
        Checkpoint.Save(model, path);
        return path;
    }

    private static GroundTruthReport Run(TempDir dir, EvidenceKind kind, int records)
    {
        string data = Path.Combine(dir.Path, "ev");
        EvidenceDatasetWriter.Write(new EvidenceOptions(data, kind, records, 5));
        string model = Model(dir, EvidenceKinds.Label(kind));
        return GroundTruth.Run(new GroundTruthOptions(model, "ptbxl:" + data, Path.Combine(dir.Path, "run"))
        {
            Variants = ["epsilon_plus_flat", "epsilon_plus/gradient"],
            Records = 12,
            TopConcepts = 2,
            Device = "cpu",
            CacheDirectory = dir.File("cache"),
        });
    }

    [Fact]
    public void EveryVariantAndTopConceptIsScoredAndRandomScoresTheRegionShare()
    {
        using var dir = new TempDir();
        GroundTruthReport report = Run(dir, EvidenceKind.StElevation, 30);
        var variants = ExplanationVariant.Parse(["epsilon_plus_flat", "epsilon_plus/gradient"]).Select(v => v.Name).ToArray();
        var input = report.Rows.Where(r => r.Layer == GroundTruthRow.Input).ToArray();
        Assert.Equal(variants, input.Select(r => r.Variant));
        Assert.False(report.ProxyRegion);
        Assert.Equal("EVIDENCE_ST_ELEVATION", report.Target);
        foreach (GroundTruthRow r in report.Rows)
        {
            Assert.InRange(r.Records, 1, 12);
            Assert.InRange(r.MassAccuracy, 0, 1);
            Assert.InRange(r.RankAccuracy, 0, 1);
            Assert.InRange(r.Pointing, 0, 1);
            Assert.InRange(r.RegionShare, 1e-3, 0.5);
        }
        GroundTruthRow random = input.Single(r => r.Variant == "random");
        Assert.True(Math.Abs(random.MassAccuracy - random.RegionShare) < 0.2 * random.RegionShare, $"random {random.MassAccuracy} vs share {random.RegionShare}");
        // Two top concepts of each of the tiny model's six concept layers, ranked 1 and 2: the top two by mean normalised relevance.
        var concepts = report.Rows.Where(r => r.Concept is not null).ToArray();
        Assert.Equal(12, concepts.Length);
        Assert.All(concepts.GroupBy(r => r.Layer), g => Assert.Equal([1, 2], g.Select(r => r.Rank!.Value)));
        Assert.Equal(TopTwo(dir, "blocks.1.out", 12), concepts.Where(r => r.Layer == "blocks.1.out").Select(r => r.Concept!.Value));
        var csv = CsvTable.Read(Path.Combine(report.OutputDirectory, "scores.csv"));
        Assert.Equal(report.Rows.Count, csv.Rows.Count);
        Assert.True(File.Exists(Path.Combine(report.OutputDirectory, "scores.json")));
    }

    /// <summary>The two channels of <paramref name="node"/> with the largest mean abs_norm relevance over the first <paramref name="count"/> positives with a cue, recomputed record by record.</summary>
    private static int[] TopTwo(TempDir dir, string node, int count)
    {
        var (model, _) = Checkpoint.Load(Path.Combine(dir.Path, "run", "models", "best.safetensors"), CPU);
        using (model)
        {
            model.eval();
            ResNet1dConfig c = model.Config;
            string spec = "ptbxl:" + Path.Combine(dir.Path, "ev");
            var regions = InputEvidence.Load(spec, c.LeadNames, c.SampleRate, c.InputLength);
            using var data = DatasetPreparer.Prepare(spec, new PreprocessOptions(c.LeadNames, c.SampleRate, c.InputLength), c.ClassNames, dir.File("cache"));
            using var attributor = Attributor.For(model, NamedComposites.EpsilonPlusFlat());
            int[] rows = Enumerable.Range(0, data.Count).Where(r => data.Label(r, 0) > 0.5f && regions[data.RecordIds[r]].Contains(true)).Take(count).ToArray();
            var mean = new double[attributor.ChannelsOf(node)];
            foreach (int row in rows)
            {
                using var scope = NewDisposeScope();
                using var attribution = attributor.Attribute(SrgExperiment.Load(data, [row], CPU, attributor.ScalarType), [0], [node]);
                double[] shares = ConceptRelevance.PerChannel(attribution.Relevance[node], normalise: true).to(ScalarType.Float64).data<double>().ToArray();
                for (int ch = 0; ch < mean.Length; ch++)
                {
                    mean[ch] += shares[ch];
                }
            }
            return Enumerable.Range(0, mean.Length).OrderByDescending(ch => mean[ch]).ThenBy(ch => ch).Take(2).ToArray();
        }
    }

    [Fact]
    public void TheRrIrregularRegionIsReportedAsAProxy()
    {
        using var dir = new TempDir();
        GroundTruthReport report = Run(dir, EvidenceKind.RrIrregular, 16);
        Assert.True(report.ProxyRegion);
        Assert.Contains("R-peak windows (±50 ms) of the beats whose timing was changed", report.RegionNote);
        Assert.Contains("R-peak windows", report.FormatTable());
        string json = File.ReadAllText(Path.Combine(report.OutputDirectory, "scores.json"));
        Assert.Contains("\"proxy_region\": true", json);
        var csv = CsvTable.Read(Path.Combine(report.OutputDirectory, "scores.csv"));
        Assert.All(csv.Rows, row => Assert.Equal("1", row[^1]));
    }

    [Fact]
    public void AModelWithoutAnEvidenceOutputIsRefusedNamingIt()
    {
        using var dir = new TempDir();
        string data = Path.Combine(dir.Path, "ev");
        EvidenceDatasetWriter.Write(new EvidenceOptions(data, EvidenceKind.QrsWide, 8, 5));
        string model = Model(dir, "AF");
        var e = Assert.Throws<EcgXaiException>(() => GroundTruth.Run(new GroundTruthOptions(model, "ptbxl:" + data, dir.Path) { Device = "cpu", CacheDirectory = dir.File("cache") }));
        Assert.Contains("best.safetensors", e.Message);
        Assert.Contains("no planted-evidence output", e.Message);
    }
}
