using EcgXai.Training;

namespace EcgXai.Tests.Training;

public class ScheduleTests
{
    [Fact]
    public void EarlyStoppingStopsAfterPatienceEpochsWithoutABetterValue()
    {
        var s = new EarlyStopping(2).Step(1, 0.7);
        Assert.True(s.Improved);
        s = s.Step(2, 0.8);
        Assert.Equal((0.8, 2), (s.Best, s.BestEpoch));
        s = s.Step(3, 0.8);
        Assert.False(s.Improved);
        Assert.False(s.ShouldStop);
        s = s.Step(4, double.NaN);
        Assert.True(s.ShouldStop);
        Assert.Equal(2, s.BestEpoch);
    }

    [Fact]
    public void PlateauDecaysTheRateAfterMoreThanPatienceBadEpochs()
    {
        var p = new PlateauSchedule(1e-3, 0.1, 1, 1e-5).Step(0.6);
        p = p.Step(0.6);
        Assert.Equal(1e-3, p.LearningRate);
        p = p.Step(0.59);
        Assert.Equal(1e-4, p.LearningRate, 12);
        Assert.Equal(0, p.BadEpochs);
        p = p.Step(0.5).Step(0.5).Step(0.5).Step(0.5);
        Assert.Equal(1e-5, p.LearningRate, 12);
        p = p.Step(0.7);
        Assert.Equal((0.7, 0), (p.Best, p.BadEpochs));
    }
}
