using EcgXai.Explain.Concepts;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.Explain.Concepts;

public class ConceptStateTests
{
    private static readonly ConceptSettings Settings = new("AF", [new ConceptLayer("blocks.0.out", 5), new ConceptLayer("blocks.0.out", 15, Positions: true)], 4, 50, 3);

    /// <summary>Random per-record values of one dataset: (record id, values per layer key).</summary>
    private static List<(string Id, Dictionary<string, LayerBatch> Batches)> Records(int count, int seed)
    {
        var rng = new Random(seed);
        LayerBatch Random(int concepts)
        {
            double[] D() => Enumerable.Range(0, concepts).Select(_ => Math.Round(rng.NextDouble() * 4 - 1, 1)).ToArray();
            int[] I() => Enumerable.Range(0, concepts).Select(_ => rng.Next(3)).ToArray();
            return new LayerBatch(1, concepts, D(), D(), I(), D(), D(), I());
        }
        return Enumerable.Range(0, count).Select(i => ($"rec{i:D3}", new Dictionary<string, LayerBatch>
        {
            ["blocks.0.out"] = Random(5),
            ["blocks.0.out:positions"] = Random(15),
        })).ToList();
    }

    private static ConceptState Run(IEnumerable<(int Dataset, (string Id, Dictionary<string, LayerBatch> Batches) Record)> records)
    {
        var state = ConceptState.Empty(Settings, ["ptbxl", "cpsc"]);
        foreach (var (dataset, (id, batches)) in records)
        {
            state.Add(dataset, [id], batches);
        }
        return state;
    }

    [Fact]
    public void ShardsMergeToTheSingleRunAndRankingsEqualARecomputation()
    {
        var data = Records(23, 1).Select(r => (0, r)).Concat(Records(17, 2).Select(r => (1, r))).ToArray();
        ConceptSummary single = ConceptSummary.Of(Run(data));
        ConceptSummary merged = ConceptSummary.Of(ConceptState.Merge(Enumerable.Range(0, 3).Select(s => Run(data.Where((_, i) => i % 3 == s))).ToArray()));

        Assert.Equal(single.Statistics.Count, merged.Statistics.Count);
        for (int i = 0; i < single.Statistics.Count; i++)
        {
            ConceptRow a = single.Statistics[i], b = merged.Statistics[i];
            Assert.Equal((a.Dataset, a.Layer, a.Concept, a.Records, a.Rank), (b.Dataset, b.Layer, b.Concept, b.Records, b.Rank));
            foreach ((double x, double y) in new[] { (a.NormalisedMean, b.NormalisedMean), (a.RelevanceSd, b.RelevanceSd), (a.ActivationMaxMean, b.ActivationMaxMean), (a.MeanLow, b.MeanLow), (a.RankHigh, b.RankHigh) })
            {
                Assert.True(double.IsNaN(x) ? double.IsNaN(y) : Math.Abs(x - y) <= 1e-12 * Math.Max(1, Math.Abs(x)), $"{x} vs {y}");
            }
        }
        Assert.Equal(single.References, merged.References);
        Assert.Equal(single.Agreement, merged.Agreement);

        // Independent recomputation of the "all" ranking of blocks.0.out from the per-record values.
        double[] mean = new double[5];
        foreach (var (_, (_, batches)) in data)
        {
            double[] rel = batches["blocks.0.out"].RelevanceSum;
            double total = rel.Sum(Math.Abs) + 1e-10;
            for (int c = 0; c < 5; c++)
            {
                mean[c] += rel[c] / total / data.Length;
            }
        }
        int[] expected = Enumerable.Range(0, 5).OrderByDescending(c => mean[c]).ThenBy(c => c).ToArray();
        Assert.Equal(expected, single.Ranking("blocks.0.out").Select(r => r.Concept));
        Assert.Equal(mean[expected[0]], single.Ranking("blocks.0.out")[0].NormalisedMean, 1e-12);

        // Reference lists over all datasets equal a brute-force sort of the per-record values.
        var activationMax = data.Select(d => new ReferenceEntry(d.Item2.Id, d.Item1 == 0 ? "ptbxl" : "cpsc", d.Item2.Batches["blocks.0.out"].ActivationMax[2], d.Item2.Batches["blocks.0.out"].ActivationPeak[2]))
            .OrderBy(e => e, ReferenceEntry.Order).Take(4);
        Assert.Equal(activationMax, single.References.Where(r => r.Layer == "blocks.0.out" && r.Concept == 2 && r.Kind == ReferenceKind.ActivationMax).Select(r => r.Reference));
        Assert.DoesNotContain(single.References, r => r.Layer.EndsWith(ConceptLayer.PositionsSuffix, StringComparison.Ordinal) && r.Kind == ReferenceKind.RelevanceMax);
        Assert.Equal(2, single.Agreement.Count);
    }

    [Fact]
    public void SavedStateRoundTripsAndTablesAreWritten()
    {
        using var dir = new TempDir();
        ConceptState state = Run(Records(9, 5).Select(r => (0, r)));
        state.Save(dir.File("state.json"));
        ConceptState loaded = ConceptState.Load(dir.File("state.json"));
        ConceptTables.Write(ConceptSummary.Of(state), Path.Combine(dir.Path, "a"));
        ConceptTables.Write(ConceptSummary.Of(loaded), Path.Combine(dir.Path, "b"));
        foreach (string file in new[] { "statistics.csv", "agreement.csv", "references.csv", "position_references.csv", "concepts.json" })
        {
            Assert.Equal(File.ReadAllText(Path.Combine(dir.Path, "a", file)), File.ReadAllText(Path.Combine(dir.Path, "b", file)));
        }
        string[] statistics = File.ReadAllLines(Path.Combine(dir.Path, "a", "statistics.csv"));
        Assert.StartsWith("dataset,layer,concept,records,rank,", statistics[0]);
        // 3 datasets (ptbxl, cpsc, all) x (5 channels + 15 positions).
        Assert.Equal(1 + 3 * 20, statistics.Length);
        Assert.Contains("cpsc,blocks.0.out,0,0,", statistics[1 + 20]);

        File.WriteAllText(dir.File("bad.json"), "{ nope");
        var error = Assert.Throws<EcgXai.IO.EcgXaiException>(() => ConceptState.Load(dir.File("bad.json")));
        Assert.Contains("bad.json", error.Message);
        Assert.Throws<ArgumentException>(() => ConceptState.Merge([state, ConceptState.Empty(Settings with { TopK = 5 }, ["ptbxl", "cpsc"])]));
    }
}
