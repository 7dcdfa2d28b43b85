using System.Globalization;
using System.Text.Json;
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
            string part = Path.Combine(run, "parts", i.ToString(CultureInfo.InvariantCulture));
            ConceptResult r = ConceptAnalysis.Run(Options(part) with { Shard = new ShardSpec(i, 3) });
            Assert.Null(r.Summary);
            Assert.False(File.Exists(Path.Combine(r.Directory, "statistics.csv")));
            return part;
        }).ToArray();
        ConceptResult merged = ConceptAnalysis.Merge(new ConceptMergeOptions(run, parts));

        Assert.Equal(23, one.State.Datasets.Sum(d => d.Count));
        Assert.Equal(one.State.Datasets.Select(d => d.Count), merged.State.Datasets.Select(d => d.Count));
        ConceptTablesAssert.Equal(one.Directory, merged.Directory);
        Assert.True(File.Exists(Path.Combine(merged.Directory, AttributionGraphStage.FileName)));
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
            Assert.Equal(1, concept.Sum(r => double.Parse(r[3], CultureInfo.InvariantCulture)), 1e-6);
            Assert.All(concept, r => Assert.InRange(double.Parse(r[3], CultureInfo.InvariantCulture), 0, 1));
        }
        // EpsilonPlusFlat's Flat first layer would give every lead 1/12: the profiles come from ZPlus there and differ between leads.
        Assert.All(profiles.Rows, r => Assert.StartsWith("ZPlus at conv1 (the explainer's Flat", r[profiles.Column("rule")]));
        Assert.Contains(profiles.Rows.GroupBy(r => (r[0], r[1])), c =>
            c.Max(r => double.Parse(r[3], CultureInfo.InvariantCulture)) - c.Min(r => double.Parse(r[3], CultureInfo.InvariantCulture)) > 0.02);
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

        using (var recompute = new Recomputation(fixture))
        {
            var (attributor, data, af) = (recompute.Attributor, recompute.Data, recompute.Af);
            int[] positives = Enumerable.Range(0, data.Count).Where(i => data.Label(i, af) > 0.5f).ToArray();
            Assert.NotEmpty(positives);
            var mean = new double[attributor.ChannelsOf("blocks.1.sum")];
            foreach (int row in positives)
            {
                using var scope = NewDisposeScope();
                using AttributionResult attribution = attributor.Attribute(recompute.Record(row), [af], ["blocks.1.sum"]);
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
    public void AttributionGraphEqualsAnIndependentRecomputationOverTheReferences()
    {
        string[] layers = ["blocks.0.out", "blocks.1.sum", "blocks.2.out"];
        var options = Options(fixture.NewFolder("graph")) with { Layers = layers, Positions = false, Data = [fixture.Data[0]], TopConcepts = 2, GraphWidth = 3, Purity = false };
        ConceptResult result = ConceptAnalysis.Run(options);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(result.Directory, AttributionGraphStage.FileName)));
        var concepts = json.RootElement.GetProperty("concepts").EnumerateArray().ToArray();
        Assert.Equal(6, concepts.Length);
        Assert.All(concepts.Where(c => c.GetProperty("layer").GetString() == "blocks.0.out"), c => Assert.Empty(c.GetProperty("below").EnumerateArray()));

        JsonElement top = concepts.Single(c => c.GetProperty("layer").GetString() == "blocks.2.out" && c.GetProperty("rank").GetInt32() == 1);
        int concept = top.GetProperty("concept").GetInt32();
        var below = top.GetProperty("below").EnumerateArray().ToArray();
        Assert.Equal(["blocks.1.sum", "blocks.0.out"], below.Select(b => b.GetProperty("layer").GetString()));
        using (var recompute = new Recomputation(fixture))
        {
            var (attributor, data, af) = (recompute.Attributor, recompute.Data, recompute.Af);
            var references = result.Summary!.Merged.Layers["blocks.2.out"].References[ReferenceKind.RelevanceSum][concept].Entries.Take(options.ReferenceCount).ToArray();
            Assert.Equal(references.Length, top.GetProperty("references").GetInt32());
            foreach (JsonElement layer in below)
            {
                string node = layer.GetProperty("layer").GetString()!;
                var mean = new double[attributor.ChannelsOf(node)];
                foreach (ReferenceEntry entry in references)
                {
                    using var scope = NewDisposeScope();
                    using AttributionResult r = new ConceptAttributor(attributor).Attribute(recompute.Record(data.RecordIds.ToList().IndexOf(entry.RecordId)), 0, af, "blocks.2.out", [[concept]], [node]);
                    double[] shares = ConceptRelevance.PerChannel(r.Relevance[node], normalise: true).to(ScalarType.Float64).data<double>().ToArray();
                    for (int c = 0; c < mean.Length; c++)
                    {
                        mean[c] += shares[c] / references.Length;
                    }
                }
                var expected = Enumerable.Range(0, mean.Length).OrderByDescending(c => mean[c]).ThenBy(c => c).Take(3).ToArray();
                var children = layer.GetProperty("concepts").EnumerateArray().ToArray();
                Assert.Equal(expected, children.Select(c => c.GetProperty("concept").GetInt32()));
                Assert.All(children, c => Assert.Equal(mean[c.GetProperty("concept").GetInt32()], c.GetProperty("share").GetDouble(), 1e-5));
            }
        }

        // Reference samples: the record's input cropped to the receptive field of the concept's peak, like its heatmaps.
        var index = CsvTable.Read(Path.Combine(result.Directory, "reference_heatmaps.csv"));
        var (tensors, _) = SafeTensors.Read(Path.Combine(result.Directory, "reference_heatmaps.safetensors"));
        using (var recompute = new Recomputation(fixture))
        {
            foreach (var row in index.Rows.Take(4))
            {
                int start = int.Parse(row[7], CultureInfo.InvariantCulture), end = int.Parse(row[8], CultureInfo.InvariantCulture);
                using Tensor expected = recompute.Record(recompute.Data.RecordIds.ToList().IndexOf(row[4]))[0].narrow(1, start, end - start + 1);
                Assert.Equal(expected.data<float>().ToArray(), tensors[row[11]].data<float>().ToArray());
                Assert.Equal(tensors[row[9]].shape, tensors[row[10]].shape);
                Assert.Equal(expected.shape, tensors[row[10]].shape);
            }
        }

        ConceptResult without = ConceptAnalysis.Run(options with { OutDirectory = fixture.NewFolder("nograph"), AttributionGraph = false });
        Assert.False(File.Exists(Path.Combine(without.Directory, AttributionGraphStage.FileName)));
    }

    [Fact]
    public void BadOptionsAreRefusedWithTheirReason()
    {
        string folder = fixture.NewFolder("bad");
        Assert.Throws<ArgumentException>(() => ConceptAnalysis.Run(Options(folder) with { Data = [] }));
        Assert.Throws<ArgumentException>(() => ConceptAnalysis.Run(Options(folder) with { ReferenceCount = 50 }));
        var noClass = Assert.Throws<EcgXaiException>(() => ConceptAnalysis.Run(Options(folder) with { Target = "STEMI" }));
        Assert.Contains("'STEMI' is not an output", noClass.Message);
        Assert.Equal(Options(folder).Model, noClass.Path);
        var noModel = Assert.Throws<EcgXaiException>(() => ConceptAnalysis.Run(Options(folder) with { Model = Path.Combine(folder, "none.safetensors") }));
        Assert.Contains("none.safetensors", noModel.Message);
        Assert.Throws<ArgumentException>(() => ShardSpec.Parse("3/3"));
        Assert.Equal(new ShardSpec(1, 4), ShardSpec.Parse("1/4"));
        Assert.Equal([1, 5, 9], new ShardSpec(1, 4).Select(Enumerable.Range(0, 11).ToArray()));
    }

    /// <summary>The fixture's model with an EpsilonPlusFlat attributor and its first dataset, for independent recomputations.</summary>
    private sealed class Recomputation : IDisposable
    {
        private readonly ResNet1d model;

        public Recomputation(ConceptRunFixture fixture)
        {
            (model, _) = Checkpoint.Load(fixture.Model, CPU);
            model.eval();
            Attributor = Attributor.For(model, NamedComposites.EpsilonPlusFlat());
            Data = DatasetPreparer.Prepare(fixture.Data[0], new PreprocessOptions(model.Config.LeadNames, model.Config.SampleRate, model.Config.InputLength), model.Config.ClassNames, fixture.Cache);
            Af = model.Config.ClassNames.ToList().IndexOf("AF");
        }

        public Attributor Attributor { get; }

        public PreparedDataset Data { get; }

        public int Af { get; }

        /// <summary>Row <paramref name="row"/> of the data as a one-record input batch.</summary>
        public Tensor Record(int row)
        {
            var signal = new float[Data.LeadCount * Data.Length];
            Data.CopyBatch([row], signal, new float[Data.ClassNames.Count]);
            return tensor(signal, [1, Data.LeadCount, Data.Length]);
        }

        public void Dispose()
        {
            Data.Dispose();
            Attributor.Dispose();
            model.Dispose();
        }
    }
}
