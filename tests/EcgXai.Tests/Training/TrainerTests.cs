using EcgXai.Datasets;
using EcgXai.IO;
using EcgXai.Tests.Support;
using EcgXai.Training;

namespace EcgXai.Tests.Training;

public class TrainerTests
{
    private static readonly TrainingOptions Fast = new() { Epochs = 3, BatchSize = 16, LearningRate = 3e-3, Seed = 7, Device = "cpu" };

    private static TrainingSetup Setup(string dir, PreparedDataset train, PreparedDataset val, TrainingOptions options, TeacherTargets? teacher = null) =>
        new(ToyData.Config, train, val, dir, options, ["toy:train"], teacher);

    /// <summary>Reports synchronously (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class Sink(Action<TrainingProgress> action) : IProgress<TrainingProgress>
    {
        public List<TrainingProgress> Reports { get; } = [];

        public void Report(TrainingProgress value)
        {
            Reports.Add(value);
            action(value);
        }
    }

    [Fact]
    public void LossDecreasesAndTheToyProblemIsLearned()
    {
        using var dir = new TempDir();
        using var train = ToyData.Create(320, 1);
        using var val = ToyData.Create(120, 2, "val");
        var sink = new Sink(_ => { });
        var result = Trainer.Fit(Setup(dir.Path, train, val, Fast with { Epochs = 4 }), sink);
        Assert.Equal(4, result.History.Count);
        Assert.True(result.History[^1].TrainLoss < 0.8 * result.History[0].TrainLoss, $"loss {result.History[0].TrainLoss} -> {result.History[^1].TrainLoss}");
        Assert.True(result.BestValidationMacroAuroc > 0.9, $"val macro AUROC {result.BestValidationMacroAuroc}");
        Assert.True(File.Exists(result.BestModelPath));
        var run = new RunFolder(dir.Path);
        string[] log = File.ReadAllLines(run.LogPath);
        Assert.Equal(5, log.Length);
        Assert.StartsWith("epoch,learning_rate,train_loss,val_loss,val_macro_auroc,val_auroc_A,val_auroc_B,", log[0]);
        Assert.Contains(sink.Reports, r => r.ValidationMacroAuroc is null && r.Eta is not null);
        Assert.Equal(4, sink.Reports.Count(r => r.ValidationMacroAuroc is not null));
    }

    [Fact]
    public void TheSameSeedGivesTheSameModelBitForBit()
    {
        using var a = new TempDir();
        using var b = new TempDir();
        using var c = new TempDir();
        using var train = ToyData.Create(96, 1);
        using var val = ToyData.Create(48, 2, "val");
        var options = Fast with { Epochs = 2 };
        Trainer.Fit(Setup(a.Path, train, val, options));
        Trainer.Fit(Setup(b.Path, train, val, options));
        Trainer.Fit(Setup(c.Path, train, val, options with { Seed = 8 }));
        byte[] first = File.ReadAllBytes(new RunFolder(a.Path).EpochModel(2));
        Assert.Equal(first, File.ReadAllBytes(new RunFolder(b.Path).EpochModel(2)));
        Assert.NotEqual(first, File.ReadAllBytes(new RunFolder(c.Path).EpochModel(2)));
    }

    [Fact]
    public void AnInterruptedRunResumesToTheSameModelAsAnUninterruptedOne()
    {
        using var whole = new TempDir();
        using var parts = new TempDir();
        using var train = ToyData.Create(96, 1);
        using var val = ToyData.Create(48, 2, "val");
        var teacher = new TeacherTargets("toy-teacher", Enumerable.Range(0, 96 * 2).Select(i => (float)(i % 7) / 7).ToArray(), new DistillationOptions(0.5, 2));
        Trainer.Fit(Setup(whole.Path, train, val, Fast, teacher));

        using var cancel = new CancellationTokenSource();
        var stopAfterTwo = new Sink(p =>
        {
            if (p.Epoch == 2 && p.ValidationMacroAuroc is not null)
            {
                cancel.Cancel();
            }
        });
        Assert.ThrowsAny<OperationCanceledException>(() => Trainer.Fit(Setup(parts.Path, train, val, Fast, teacher), stopAfterTwo, cancel.Token));
        Assert.Equal(2, TrainingState.Load(new RunFolder(parts.Path).StatePath)!.Epoch);
        var resumed = Trainer.Fit(Setup(parts.Path, train, val, Fast, teacher));

        Assert.Equal(3, resumed.History.Count);
        Assert.Equal(File.ReadAllBytes(new RunFolder(whole.Path).EpochModel(3)), File.ReadAllBytes(new RunFolder(parts.Path).EpochModel(3)));
        Assert.Equal(File.ReadAllBytes(new RunFolder(whole.Path).EpochOptimizer(3)), File.ReadAllBytes(new RunFolder(parts.Path).EpochOptimizer(3)));
        Assert.False(File.Exists(new RunFolder(parts.Path).EpochModel(2)));
    }

    [Fact]
    public void ARunFolderIsNotResumedWithDifferentOptions()
    {
        using var dir = new TempDir();
        using var train = ToyData.Create(32, 1);
        using var val = ToyData.Create(16, 2, "val");
        Trainer.Fit(Setup(dir.Path, train, val, Fast with { Epochs = 1 }));
        var e = Assert.Throws<EcgXaiException>(() => Trainer.Fit(Setup(dir.Path, train, val, Fast with { Epochs = 2, LearningRate = 1e-2 })));
        Assert.Contains("different training run", e.Message);
    }

    [Fact]
    public void AValidationSetWithoutBothOutcomesInAnyClassIsRefused()
    {
        using var dir = new TempDir();
        using var train = ToyData.Create(32, 1);
        using var source = ToyData.Create(8, 2, "val");
        using var val = new InMemoryPreparedDataset("all-negative", new float[8 * 2 * 64], new float[16],
            source.RecordIds, source.PatientIds, source.Ages, source.Sexes, ToyData.Leads, ToyData.Classes, 100, 64);
        var e = Assert.Throws<EcgXaiException>(() => Trainer.Fit(Setup(dir.Path, train, val, Fast)));
        Assert.Contains("all-negative", e.Message);
    }

    [Fact]
    public void TrainingStopsEarlyWhenValidationAurocStopsImproving()
    {
        using var dir = new TempDir();
        using var train = ToyData.Create(64, 1);
        using var source = ToyData.Create(40, 2, "val");
        // Identical (all-zero) validation signals give every record the same score: AUROC 0.5 each epoch, never better.
        using var val = new InMemoryPreparedDataset("flat", new float[40 * 2 * 64], Enumerable.Range(0, 80).Select(k => (float)(k / 2 % 2)).ToArray(),
            source.RecordIds, source.PatientIds, source.Ages, source.Sexes, ToyData.Leads, ToyData.Classes, 100, 64);
        var result = Trainer.Fit(Setup(dir.Path, train, val, Fast with { Epochs = 10, EarlyStoppingPatience = 2 }));
        Assert.True(result.StoppedEarly);
        Assert.Equal(3, result.History.Count);
        Assert.Equal(1, result.BestEpoch);
        Assert.Equal(0.5, result.BestValidationMacroAuroc);

        // Running it again finds the finished state and trains nothing more.
        var again = Trainer.Fit(Setup(dir.Path, train, val, Fast with { Epochs = 10, EarlyStoppingPatience = 2 }));
        Assert.Equal(3, again.History.Count);
    }

    [Fact]
    public void ASelectionClassPicksTheBestEpochByThatClassAlone()
    {
        using var dir = new TempDir();
        using var train = ToyData.Create(96, 1);
        using var val = ToyData.Create(48, 2, "val");
        var result = Trainer.Fit(Setup(dir.Path, train, val, Fast with { Epochs = 3, SelectionClass = "B" }));
        double[] b = result.History.Select(h => h.ValidationAuroc[1]).ToArray();
        Assert.Equal(b.Max(), result.BestValidationMacroAuroc);
        Assert.Equal(Array.IndexOf(b, b.Max()) + 1, result.BestEpoch);
        Assert.Throws<ArgumentException>(() => Trainer.Fit(Setup(dir.Path + "-x", train, val, Fast with { SelectionClass = "C" })));
    }
}
