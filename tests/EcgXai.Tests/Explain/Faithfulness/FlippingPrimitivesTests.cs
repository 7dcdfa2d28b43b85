using EcgXai.Explain.Faithfulness;
using static TorchSharp.torch;

namespace EcgXai.Tests.Explain.Faithfulness;

public class FlippingPrimitivesTests
{
    [Fact]
    public void MifSortsDescendingWithTiesInFeatureOrderAndLifIsItsExactReverse()
    {
        float[] relevance = [0.5f, 2f, -1f, 2f, 0.5f, 0f];
        int[] mif = FlipOrder.MostInfluentialFirst(relevance);
        Assert.Equal([1, 3, 0, 4, 5, 2], mif);
        Assert.Equal([2, 5, 4, 0, 3, 1], FlipOrder.Reversed(mif));
        int[] ranks = FlipOrder.Ranks(mif);
        Assert.Equal([2, 0, 5, 1, 3, 4], ranks);
        Assert.Throws<ArgumentException>(() => FlipOrder.Ranks([0, 0, 1]));
        Assert.Throws<ArgumentException>(() => FlipOrder.MostInfluentialFirst([1f, float.NaN]));
    }

    [Fact]
    public void TheScheduleExcludesTheUnperturbedStartAndEndsFullyFlipped()
    {
        var schedule = new PerturbationSchedule(10, 4);
        Assert.Equal([2, 5, 7, 10], schedule.Counts());
        Assert.Equal([0, 1, 1, 2, 2, 3], new PerturbationSchedule(3, 6).Counts());
        Assert.Throws<ArgumentOutOfRangeException>(() => schedule.Flipped(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => schedule.Flipped(5));
        Assert.Throws<ArgumentException>(() => new PerturbationSchedule(0, 4).Counts());
    }

    [Fact]
    public void SrgIsTheMeanGapBetweenLifAndMifAndTheAreasAreTheCurveMeans()
    {
        // record 0: MIF 0.6, 0.2, 0.1 and LIF 0.9, 0.8, 0.1; record 1: MIF = LIF.
        var curves = new FlipCurves(2, 3, [0.6, 0.2, 0.1, 0.5, 0.5, 0.2], [0.9, 0.8, 0.1, 0.5, 0.5, 0.2]);
        Assert.Equal(0.3, curves.MifArea(0), 12);
        Assert.Equal(1.8 / 3, curves.LifArea(0), 12);
        Assert.Equal(0.3, curves.Srg(0), 12);
        Assert.Equal(0, curves.Srg(1), 12);
        Assert.Equal([0.55, 0.35, 0.15], curves.MeanMif(), (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal(4, curves.Concat(curves).Records);
        Assert.Throws<ArgumentException>(() => new FlipCurves(2, 3, new double[5], new double[6]));
    }

    [Fact]
    public void TheRecordBootstrapIsSeededAndThePairedFormSeesAConstantLead()
    {
        double[] values = Enumerable.Range(0, 40).Select(i => Math.Sin(i * 1.7)).ToArray();
        var ci = RecordBootstrap.Mean(values, 500, seed: 3);
        Assert.Equal(values.Average(), ci.Estimate, 12);
        Assert.True(ci.Lower < ci.Estimate && ci.Estimate < ci.Upper, $"{ci}");
        Assert.Equal(ci, RecordBootstrap.Mean(values, 500, seed: 3));
        Assert.NotEqual(ci.Lower, RecordBootstrap.Mean(values, 500, seed: 4).Lower);

        double[] better = values.Select(v => v + 0.25).ToArray();
        var lead = RecordBootstrap.PairedDifference(better, values, 200);
        Assert.Equal(0.25, lead.Estimate, 12);
        Assert.Equal(0.25, lead.Lower, 12);
        Assert.Equal(0.25, lead.Upper, 12);
        // Unpaired, the same lead would be lost in the spread of the values.
        Assert.True(RecordBootstrap.Mean(better, 200).Lower < ci.Upper);
        Assert.Throws<ArgumentException>(() => RecordBootstrap.PairedDifference(values, values[1..]));
    }

    [Fact]
    public void CellsSumRelevanceOverLeadAndSegmentAndSpreadBack()
    {
        var grid = FeatureGrid.Cells(2, 5, 2); // segments [0,1] [2,3] [4] per lead
        Assert.Equal(6, grid.Count);
        using Tensor r = arange(10, dtype: ScalarType.Float64).view(1, 2, 5);
        using Tensor cells = grid.Relevance(r);
        Assert.Equal([1.0, 5, 4, 11, 15, 9], cells.data<double>().ToArray());
        using Tensor spread = grid.Spread(tensor(new long[] { 10, 11, 12, 13, 14, 15 }).view(1, 6));
        Assert.Equal([10L, 10, 11, 11, 12, 13, 13, 14, 14, 15], spread.data<long>().ToArray());

        using Tensor channels = FeatureGrid.ChannelFeatures(2, 5).Relevance(r);
        Assert.Equal([10.0, 35], channels.data<double>().ToArray());
        using Tensor positions = FeatureGrid.Positions(2, 5).Relevance(r);
        Assert.Equal(r.flatten().data<double>().ToArray(), positions.data<double>().ToArray());
        Assert.Throws<ArgumentException>(() => grid.Relevance(zeros(1, 3, 5)));
    }

    [Fact]
    public void InputBaselinesAreZeroTheLeadMeanOrASmoothedCopy()
    {
        using Tensor x = tensor(new double[] { 1, 3, 1, 3, 1, 3, 5, 5, 5, 5, 5, 5 }).view(1, 2, 6);
        using Tensor mean = InputBaselines.Of(x, InputBaseline.LeadMean, 1);
        Assert.Equal([2.0, 2, 2, 2, 2, 2, 5, 5, 5, 5, 5, 5], mean.data<double>().ToArray());
        using Tensor zero = InputBaselines.Of(x, InputBaseline.Zero, 1);
        Assert.Equal(0, zero.abs().sum().item<double>());
        using Tensor smooth = InputBaselines.Of(x, InputBaseline.LowPass, 3);
        double[] s = smooth.data<double>().ToArray();
        Assert.Equal([2.0, 5.0 / 3, 7.0 / 3, 5.0 / 3, 7.0 / 3, 2.0], s[..6], (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal(Enumerable.Repeat(5.0, 6), s[6..], (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal(21, InputBaselines.WindowSamples(0.2, 100));
        Assert.Throws<ArgumentException>(() => InputBaselines.Of(x, InputBaseline.LowPass, 2));
    }
}
