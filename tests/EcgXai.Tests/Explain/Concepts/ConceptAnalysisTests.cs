using EcgXai.Datasets;
using EcgXai.Explain.Concepts;
using EcgXai.Explain.Crp;
using EcgXai.Explain.Attribution;
using EcgXai.Explain.Composites;
using EcgXai.IO;
using EcgXai.Models;
using static TorchSharp.torch;

namespace EcgXai.Tests.Explain.Concepts;

public class ConceptAnalysisTests(ConceptRunFixture fixture) : IClassFixture<ConceptRunFixture>
{
    private ConceptOptions Options(string outDirectory) => new(fixture.Model, fixture.Data, "AF", outDirectory)
    {
        Records = ConceptRecords.All,
        BatchSize = 5,
        Device = "cpu",
        CacheDirectory = fixture.Cache,
        TopK = 6,
        Replicates = 40,
        ReferenceCount = 3,
    };

    [Fact]
    public void ShardsMergedEqualOneRun()
    {
        string single = fixture.NewFolder("single"), run = fixture.NewFolder("merged");
        ConceptResult one = ConceptAnalysis.Run(Options(single));
        var parts = Enumerable.Range(0, 3).Select(i =>
        {
            string part = Path.Combine(run, "parts", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            ConceptResult r = ConceptAnalysis.Run(Options(part) with { Shard = new ShardSpec(i, 3) });
            Assert.Null(r.Summary);
            Assert.False(File.Exists(Path.Combine(r.Directory, "statistics.csv")));
            return part;
        }).ToArray();
        ConceptResult merged = ConceptAnalysis.Merge(new ConceptMergeOptions(run, parts));

        Assert.Equal(23, one.State.Datasets.Sum(d => d.Count));
        Assert.Equal(one.State.Datasets.Select(d => d.Count), merged.State.Datasets.Select(d => d.Count));
        ConceptTablesAssert.Equal(one.Directory, merged.Directory);
        var (a, _) = SafeTensors.Read(Path.Combine(one.Directory, "reference_heatmaps.safetensors"));
        var (b, _) = SafeTensors.Read(Path.Combine(merged.Directory, "reference_heatmaps.safetensors"));
        Assert.Equal(a.Keys.Order(), b.Keys.Order());
        Assert.NotEmpty(a);
        foreach (string key in a.Keys)
        {
            Assert.True((a[key] - b[key]).abs().max().item<float>() <= 1e-6 * Math.Max(a[key].abs().max().item<float>(), 1e-12), key);
        }
        // Per-lead shares of each concept sum to one.
        var profiles = CsvTable.Read(Path.Combine(one.Directory, "lead_profiles.csv"));
        Assert.NotEmpty(profiles.Rows);
        foreach (var concept in profiles.Rows.GroupBy(r => (r[0], r[1])))
        {
            Assert.Equal(12, concept.Count());
            Assert.Equal(1, concept.Sum(r => double.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture)), 1e-6);
        }
        ConceptRunConfig config = ConceptRunConfig.Load(Path.Combine(merged.Directory, ConceptRunConfig.FileName));
        Assert.Equal(parts.Select(Path.GetFullPath), config.Parts);
        Assert.Null(config.Options.Shard);

        var missing = Assert.Throws<EcgXaiException>(() => ConceptAnalysis.Merge(new ConceptMergeOptions(fixture.NewFolder("bad"), parts[..2])));
        Assert.Contains("missing 2", missing.Message);
        Assert.Throws<EcgXaiException>(() => ConceptAnalysis.Merge(new ConceptMergeOptions(fixture.NewFolder("bad"), [single])));
    }

    [Fact]
    public void RankingEqualsARecomputationFromPerRecordHeatmaps()
    {
        string folder = fixture.NewFolder("recompute");
        ConceptResult result = ConceptAnalysis.Run(Options(folder) with { Layers = ["blocks.1.sum"], Positions = false, Data = [fixture.Data[0]], Records = ConceptRecords.Positives });

        var (model, _) = Checkpoint.Load(fixture.Model, CPU);
        using (model)
        {
            model.eval();
            using var attributor = Attributor.For(model, NamedComposites.EpsilonPlusFlat());
            using PreparedDataset data = DatasetPreparer.Prepare(fixture.Data[0], new PreprocessOptions(model.Config.LeadNames, model.Config.SampleRate, model.Config.InputLength), model.Config.ClassNames, fixture.Cache);
            int af = model.Config.ClassNames.ToList().IndexOf("AF");
            int[] positives = Enumerable.Range(0, data.Count).Where(i => data.Label(i, af) > 0.5f).ToArray();
            Assert.NotEmpty(positives);
            var mean = new double[attributor.ChannelsOf("blocks.1.sum")];
            foreach (int row in positives)
            {
                var signal = new float[data.LeadCount * data.Length];
                data.CopyBatch([row], signal, new float[data.ClassNames.Count]);
                using var scope = NewDisposeScope();
                using AttributionResult attribution = attributor.Attribute(tensor(signal, [1, data.LeadCount, data.Length]), [af], ["blocks.1.sum"]);
                double[] perChannel = ConceptRelevance.PerChannel(attribution.Relevance["blocks.1.sum"], normalise: true).to(ScalarType.Float64).data<double>().ToArray();
                for (int c = 0; c < mean.Length; c++)
                {
                    mean[c] += perChannel[c] / positives.Length;
                }
            }
            IReadOnlyList<ConceptRow> ranking = result.Summary!.Ranking("blocks.1.sum");
            Assert.Equal(Enumerable.Range(0, mean.Length).OrderByDescending(c => mean[c]).ToArray(), ranking.Select(r => r.Concept));
            Assert.All(ranking, r => Assert.Equal(mean[r.Concept], r.NormalisedMean, 1e-5));
            Assert.All(ranking, r => Assert.Equal(positives.Length, r.Records));
        }
    }

    [Fact]
    public void BadOptionsAreRefusedWithTheirReason()
    {
        string folder = fixture.NewFolder("bad");
        Assert.Throws<ArgumentException>(() => ConceptAnalysis.Run(Options(folder) with { Data = [] }));
        Assert.Throws<ArgumentException>(() => ConceptAnalysis.Run(Options(folder) with { ReferenceCount = 50 }));
        var noClass = Assert.Throws<EcgXaiException>(() => ConceptAnalysis.Run(Options(folder) with { Target = "STEMI" }));
        Assert.Contains("no output 'STEMI'", noClass.Message);
        var noModel = Assert.Throws<EcgXaiException>(() => ConceptAnalysis.Run(Options(folder) with { Model = Path.Combine(folder, "none.safetensors") }));
        Assert.Contains("none.safetensors", noModel.Message);
        Assert.Throws<ArgumentException>(() => ShardSpec.Parse("3/3"));
        Assert.Equal(new ShardSpec(1, 4), ShardSpec.Parse("1/4"));
        Assert.Equal([1, 5, 9], new ShardSpec(1, 4).Select(Enumerable.Range(0, 11).ToArray()));
    }
}
