using EcgXai.Explain.Faithfulness;
using EcgXai.IO;
using EcgXai.Training.Metrics;
using static TorchSharp.torch;

namespace EcgXai.Tests.Explain.Faithfulness;

public class PruningTests(TrainedToyModel toy) : IClassFixture<TrainedToyModel>
{
    private static readonly ExplanationVariant Lrp = ExplanationVariant.Parse(["epsilon_plus_flat/gradient"])[0];

    [Fact]
    public void KeepingEveryUnitReproducesTheUnprunedAurocExactly()
    {
        using var model = new ExplainedModel(toy.Model);
        using var rank = TrainedToyModel.Data(64, 21, "rank");
        using var data = TrainedToyModel.Data(80, 22);
        PruningRanking ranking = PruningRanking.Compute(model, Lrp, rank, 0, 16, CPU);
        float[] direct;
        using (no_grad())
        {
            using Tensor x = SrgExperiment.Load(data, Enumerable.Range(0, data.Count).ToArray(), CPU, model.ScalarType);
            using Tensor p = toy.Model.forward(x).sigmoid();
            direct = p.data<float>().ToArray();
        }
        foreach (PruningLevel level in Enum.GetValues<PruningLevel>())
        {
            var rows = PruningEvaluation.Evaluate(model, data, "toy", ranking, level, [5, null], 3, 1, 50, 16, CPU);
            for (int c = 0; c < 2; c++)
            {
                float[] labels = Enumerable.Range(0, data.Count).Select(i => data.Label(i, c)).ToArray();
                double expected = Auroc.Compute(Auroc.Column(direct, 2, c), labels);
                string name = model.ClassNames[c];
                int units = ranking.Units(level);
                Assert.Equal(expected, rows.Single(r => r.Class == name && r.Method == PruningMethods.Unpruned).Auroc);
                foreach (string method in new[] { PruningMethods.Relevant, PruningMethods.Least, PruningMethods.Random })
                {
                    Assert.Equal(expected, rows.Single(r => r.Class == name && r.Method == method && r.Keep == units).Auroc);
                }
                Assert.Equal(3, rows.Count(r => r.Class == name && r.Keep == 5 && r.Method != PruningMethods.Unpruned));
            }
        }
    }

    [Fact]
    public void KeepingNothingLeavesEveryRecordWithTheBiasAlone()
    {
        using var model = new ExplainedModel(toy.Model);
        using var data = TrainedToyModel.Data(20, 23);
        int units = toy.Model.Config.LastLayerNodes;
        float[][] scores = PruningEvaluation.Scores(model, data, [new float[units]], 8, CPU);
        using Tensor bias = toy.Model.lin.bias!.sigmoid();
        float[] expected = bias.data<float>().ToArray();
        for (int i = 0; i < data.Count; i++)
        {
            Assert.Equal(expected, scores[0].AsSpan(i * 2, 2).ToArray());
        }
    }

    [Fact]
    public void TheRankingIsTheMeanRelevanceOverTheTargetsPositivesAndItsOrdersAreConsistent()
    {
        using var model = new ExplainedModel(toy.Model);
        using var rank = TrainedToyModel.Data(40, 24, "rank");
        PruningRanking ranking = PruningRanking.Compute(model, Lrp, rank, 1, 7, CPU);
        Assert.Equal(Enumerable.Range(0, 40).Count(i => rank.Label(i, 1) > 0.5f), ranking.Records);
        Assert.Equal("B", ranking.Target);

        // The means equal a direct computation over the positives with the same source, one record at a time.
        int[] positives = Enumerable.Range(0, 40).Where(i => rank.Label(i, 1) > 0.5f).ToArray();
        IFlipPlace place = model.Place(model.ClassifierInput);
        var grid = FeatureGrid.Positions(place.Channels, place.Length);
        var sum = new double[grid.Count];
        using (IRelevanceSource source = model.Source(Lrp, InputBox.Over(rank, positives), 0))
        {
            foreach (int r in positives)
            {
                using Tensor x = SrgExperiment.Load(rank, [r], CPU, model.ScalarType);
                using IFlipSession session = place.Open(x);
                using Tensor rel = source.Relevance(x, [1], [place], [session], [grid])[0];
                double[] v = rel.to(ScalarType.Float64).data<double>().ToArray();
                for (int i = 0; i < v.Length; i++)
                {
                    sum[i] += v[i];
                }
            }
        }
        Assert.Equal(sum.Select(s => s / positives.Length), ranking.MeanRelevance, (a, b) => Math.Abs(a - b) < 1e-4 * Math.Max(1, Math.Abs(a)));

        int[] top = ranking.MostRelevantFirst(PruningLevel.Channels);
        double[] channel = ranking.UnitRelevance(PruningLevel.Channels);
        Assert.True(top.Zip(top.Skip(1)).All(p => channel[p.First] >= channel[p.Second]));
        Assert.Equal(top.Reverse(), ranking.LeastRelevantFirst(PruningLevel.Channels));
        Assert.Equal(ranking.RandomOrder(PruningLevel.Positions, 3), ranking.RandomOrder(PruningLevel.Positions, 3));
        Assert.NotEqual(ranking.RandomOrder(PruningLevel.Positions, 3), ranking.RandomOrder(PruningLevel.Positions, 4));
        float[] mask = ranking.Mask(PruningLevel.Channels, top, 2);
        Assert.Equal(2 * ranking.Length, mask.Count(m => m == 1));
        Assert.All(Enumerable.Range(0, ranking.Length), t => Assert.Equal(1, mask[top[0] * ranking.Length + t]));
    }

    [Fact]
    public void TheMostRelevantUnitsKeepMoreAurocThanTheLeastRelevant()
    {
        using var model = new ExplainedModel(toy.Model);
        using var rank = TrainedToyModel.Data(96, 25, "rank");
        using var data = TrainedToyModel.Data(160, 26);
        PruningRanking ranking = PruningRanking.Compute(model, Lrp, rank, 0, 32, CPU);
        var rows = PruningEvaluation.Evaluate(model, data, "toy", ranking, PruningLevel.Positions, [8], 10, 1, 200, 32, CPU);
        double Auroc(string method) => rows.Single(r => r.Class == "A" && r.Method == method && r.Keep == 8).Auroc;
        Assert.True(Auroc(PruningMethods.Relevant) > Auroc(PruningMethods.Least), $"relevant {Auroc(PruningMethods.Relevant)}, least {Auroc(PruningMethods.Least)}");
        Assert.True(Auroc(PruningMethods.Relevant) > Auroc(PruningMethods.Random), $"relevant {Auroc(PruningMethods.Relevant)}, random {Auroc(PruningMethods.Random)}");
    }

    [Theory]
    [InlineData("ptbxl:/data/ptb-xl@test", "ptbxl:/data/other@test", "test split")]
    [InlineData("ptbxl:/data/ptb-xl", "ptbxl:/data/ptb-xl@test", "without a split")]
    public void RankingDataThatCouldSeeEvaluatedRecordsIsRefused(string rank, string data, string problem)
    {
        var options = new PruneOptions("model.safetensors", rank, [data], "AF", "out");
        var error = Assert.Throws<EcgXaiException>(options.Validate);
        Assert.Contains(problem, error.Message);
        new PruneOptions("model.safetensors", "ptbxl:/data/ptb-xl@val", [data], "AF", "out").Validate();
        new PruneOptions("model.safetensors", "cpsc2018:/data/cpsc", ["ptbxl:/data/ptb-xl@test"], "AF", "out").Validate();
    }

    [Fact]
    public void UnitCountsParseWithAll()
    {
        Assert.Equal([1, 25, null], PruneOptions.ParseKeep("1, 25,all"));
        Assert.Throws<ArgumentException>(() => PruneOptions.ParseKeep("1,-3"));
        Assert.Throws<ArgumentException>(() => PruneOptions.ParseKeep(""));
    }
}
