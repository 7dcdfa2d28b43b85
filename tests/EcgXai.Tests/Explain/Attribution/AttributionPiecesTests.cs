using EcgXai.Explain.Attribution;
using EcgXai.Explain.Composites;
using EcgXai.Explain.Graph;
using EcgXai.Models;
using EcgXai.Tests.Explain.Graph;
using static TorchSharp.torch;

namespace EcgXai.Tests.Explain.Attribution;

/// <summary>
/// A batch walked in pieces of a few records (<see cref="Attributor.RecordsPerPiece"/>) gives bitwise the result of one
/// walk over the whole batch (float64): plain heatmaps, conditional rows in any order, records without rows, recorded
/// nodes, starts at a node.
/// </summary>
public class AttributionPiecesTests
{
    private static readonly string[] Recorded = ["a_relu", "cat", "pool", "sum_relu"];

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(6)]
    public void MixedRowsInPiecesEqualOneWalkExactly(int piece)
    {
        using var scope = NewDisposeScope();
        using ModelGraph g = GraphTestModels.Branchy(11);
        using var attributor = new Attributor(g, NamedComposites.EpsilonAlpha2Beta1Flat());
        Tensor x = randn(7, 3, 16, dtype: ScalarType.Float64);
        // Record 5 has no row, record 6 is first, record 2 has a plain row and two conditional ones; in pieces of 2, records
        // 4 and 5 would walk one row through the dense head and join record 6.
        AttributionRow[] rows =
        [
            new(6, 1), new(2, 4), new(0, 0, [new Condition("cat", [1, 4])]), new(2, 4, [new Condition("pool", [0])]),
            new(3, 2), new(2, 4, [new Condition("sum_relu", [2, 3]), new Condition("a_relu", [1])]), new(1, 3), new(4, 0),
        ];
        attributor.RecordsPerPiece = 7;
        using AttributionResult whole = attributor.Attribute(x, rows, Recorded);
        attributor.RecordsPerPiece = piece;
        using AttributionResult pieces = attributor.Attribute(x, rows, Recorded);
        AssertEqual(whole, pieces);
    }

    [Fact]
    public void StartsAtANodeInPiecesEqualOneWalkExactly()
    {
        using var scope = NewDisposeScope();
        using ModelGraph g = GraphTestModels.Branchy(12);
        using var attributor = new Attributor(g, NamedComposites.EpsilonPlusFlat());
        Tensor x = randn(5, 3, 16, dtype: ScalarType.Float64);
        AttributionRow[] rows = [new(4, 0), new(0, 0, [new Condition("a_relu", [0, 2])]), new(4, 0), new(1, 0), new(2, 0)];
        Tensor start = randn([rows.Length, .. g.ShapeOf("pool")], dtype: ScalarType.Float64);
        using AttributionResult whole = attributor.AttributeFrom(x, "pool", start, rows, Recorded[..2]);
        attributor.RecordsPerPiece = 2;
        using AttributionResult pieces = attributor.AttributeFrom(x, "pool", start, rows, Recorded[..2]);
        AssertEqual(whole, pieces);
    }

    [Fact]
    public void ResNet1dHeatmapsInPiecesEqualOneWalkExactly()
    {
        using var scope = NewDisposeScope();
        using ResNet1d model = ExplainTestModels.Create(13);
        using Attributor attributor = Attributor.For(model, NamedComposites.EpsilonPlusFlat());
        Tensor x = ExplainTestModels.Input(14, 11);
        int[] targets = [.. Enumerable.Range(0, 11).Select(i => (int)(i % attributor.Graph.OutputCount))];
        string[] recorded = [.. attributor.ConceptNodes];
        attributor.RecordsPerPiece = 11;
        using AttributionResult whole = attributor.Attribute(x, targets, recorded);
        attributor.RecordsPerPiece = 4;
        using AttributionResult pieces = attributor.Attribute(x, targets, recorded);
        AssertEqual(whole, pieces);
    }

    [Fact]
    public void FewerThanTwoRecordsPerPieceAreRefused()
    {
        using ModelGraph g = GraphTestModels.Branchy(15);
        using var attributor = new Attributor(g, NamedComposites.EpsilonPlusFlat());
        Assert.Throws<ArgumentOutOfRangeException>(() => attributor.RecordsPerPiece = 1);
    }

    private static void AssertEqual(AttributionResult expected, AttributionResult actual)
    {
        Assert.Equal(expected.Rows, actual.Rows);
        AssertSame(expected.Logits, actual.Logits, "logits");
        AssertSame(expected.InputRelevance, actual.InputRelevance, "input relevance");
        Assert.Equal(expected.Relevance.Keys.Order(), actual.Relevance.Keys.Order());
        foreach (string node in expected.Relevance.Keys)
        {
            AssertSame(expected.Relevance[node], actual.Relevance[node], $"relevance at {node}");
            AssertSame(expected.Activations[node], actual.Activations[node], $"activation at {node}");
        }
        Assert.True(expected.InputRelevance.abs().sum().item<double>() > 0, "the walk produced relevance");
    }

    private static void AssertSame(Tensor expected, Tensor actual, string what)
    {
        Assert.Equal(expected.shape, actual.shape);
        Assert.True(expected.eq(actual).all().item<bool>(), $"{what} differs by up to {(expected - actual).abs().max().item<double>()}");
    }
}
