using EcgXai.Explain.Attribution;
using EcgXai.Explain.Composites;
using EcgXai.Explain.Concepts;
using EcgXai.Explain.Graph;
using EcgXai.Models;
using static TorchSharp.torch;

namespace EcgXai.Tests.Explain.Concepts;

/// <summary>Batched conditional and concept-start heatmaps against single walks, the plain heatmap and the receptive field.</summary>
public class ConceptHeatmapsTests
{
    [Fact]
    public void StartingAtTheClassifierInputWithItsFullRelevanceGivesThePlainHeatmap()
    {
        using var scope = NewDisposeScope();
        using ResNet1d model = ExplainTestModels.Create(21);
        using Attributor attributor = Attributor.For(model, NamedComposites.EpsilonPlusFlat());
        Tensor x = ExplainTestModels.Input(22, 3);
        string node = attributor.ClassifierInput;
        using AttributionResult plain = attributor.Attribute(x, [4, 0, 2], [node]);
        Tensor started = ConceptHeatmaps.Started(attributor, x, node, plain.Relevance[node], [0, 1, 2]);
        Assert.True(plain.InputRelevance.abs().sum().item<double>() > 0);
        Assert.True(ExplainTestModels.MaxRelativeDifference(started, plain.InputRelevance) < 1e-12);
    }

    [Fact]
    public void ConceptStartHeatmapsOfEveryChannelAddUpToStartingAtTheWholeActivation()
    {
        using var scope = NewDisposeScope();
        using ResNet1d model = ExplainTestModels.Create(23);
        using Attributor attributor = Attributor.For(model, NamedComposites.EpsilonPlusFlat());
        Tensor x = ExplainTestModels.Input(24, 2);
        const string node = "blocks.1.out";
        int channels = attributor.ChannelsOf(node);
        // Requests interleave records and channels, more than one walk's rows: the results must come back in request order.
        var requests = Enumerable.Range(0, 2 * channels).Select(i => new ConceptRequest(i % 2, node, i / 2)).Reverse().ToArray();
        Tensor perConcept = ConceptHeatmaps.ConceptStart(attributor, x, requests);
        Tensor activation = attributor.Graph.Evaluate(x, [node])[node];
        Tensor whole = ConceptHeatmaps.Started(attributor, x, node, activation, [0, 1]);
        for (int record = 0; record < 2; record++)
        {
            long[] rows = requests.Select((r, i) => (r, i)).Where(p => p.r.Record == record).Select(p => (long)p.i).ToArray();
            Tensor sum = perConcept.index_select(0, tensor(rows)).sum(dim: 0);
            double difference = ExplainTestModels.MaxRelativeDifference(sum, whole[record]);
            Assert.True(difference < 1e-10, $"record {record}: {difference}");
        }
        // One concept alone is not the whole.
        Assert.True(ExplainTestModels.MaxRelativeDifference(perConcept[0], whole[requests[0].Record]) > 1e-3);
    }

    [Fact]
    public void BatchedConditionalHeatmapsEqualOneWalkPerRequest()
    {
        using var scope = NewDisposeScope();
        using ResNet1d model = ExplainTestModels.Create(25);
        using Attributor attributor = Attributor.For(model, NamedComposites.EpsilonPlusFlat());
        Tensor x = ExplainTestModels.Input(26, 5);
        string[] nodes = ["blocks.0.out", "blocks.2.sum"];
        var requests = Enumerable.Range(0, 3 * ConceptHeatmaps.RowsPerWalk / 2)
            .Select(i => new ConceptRequest((i * 3) % 5, nodes[i % 2], i % attributor.ChannelsOf(nodes[i % 2]))).ToArray();
        Tensor batched = ConceptHeatmaps.Conditional(attributor, x, 1, requests);
        var single = new ConceptAttributor(attributor);
        for (int i = 0; i < requests.Length; i++)
        {
            ConceptRequest r = requests[i];
            using AttributionResult one = single.Attribute(x, r.Record, 1, r.Node, [[r.Channel]]);
            Assert.True(ExplainTestModels.MaxRelativeDifference(batched[i], one.InputRelevance[0]) < 1e-10, $"request {i}");
        }
    }

    [Theory]
    [InlineData("blocks.0.out")]
    [InlineData("blocks.1.sum")]
    [InlineData("blocks.2.out")]
    public void ReceptiveFieldsMatchTheSupportOfConceptStartHeatmapsAtOnePosition(string node)
    {
        using var scope = NewDisposeScope();
        using ResNet1d model = ExplainTestModels.Create(27);
        using Attributor attributor = Attributor.For(model, NamedComposites.EpsilonPlusFlat());
        Tensor x = ExplainTestModels.Input(28, 1);
        Tensor activation = attributor.Graph.Evaluate(x, [node])[node][0];
        long length = activation.shape[1];
        using ModelGraph graph = model.ToGraph();
        int checkedPositions = 0;
        foreach (long t in new[] { 0L, length / 2, length - 1 })
        {
            int channel = (int)activation.select(1, t).argmax().item<long>();
            if (activation[channel, t].item<double>() <= 0)
            {
                continue;
            }
            checkedPositions++;
            Tensor heatmap = ConceptHeatmaps.ConceptStart(attributor, x, [new ConceptRequest(0, node, channel, t)])[0];
            double[] perSample = heatmap.abs().sum(dim: 0).data<double>().ToArray();
            long[] support = Enumerable.Range(0, perSample.Length).Where(i => perSample[i] > 0).Select(i => (long)i).ToArray();
            ReceptiveField field = ReceptiveField.Of(graph, node, t);
            Assert.NotEmpty(support);
            Assert.InRange(support.Min(), field.Start, field.End);
            Assert.InRange(support.Max(), field.Start, field.End);
            // Max pools route relevance to one sample per window, so the ends can fall short by less than a pool window.
            Assert.True(support.Min() - field.Start < 4 && field.End - support.Max() < 4, $"{node}@{t}: support {support.Min()}..{support.Max()}, field {field.Start}..{field.End}");
        }
        Assert.True(checkedPositions > 0, $"{node}: no position with a positive activation");
    }
}
