using EcgXai.Datasets;
using EcgXai.Models;
using EcgXai.Tests.Support;
using EcgXai.Tests.Training;
using EcgXai.Training;

namespace EcgXai.Tests.Explain.Faithfulness;

/// <summary>A ResNet1d trained once on the toy problem (class c ⇔ an offset on lead c), shared by the faithfulness tests.</summary>
public sealed class TrainedToyModel : IDisposable
{
    private readonly TempDir dir = new();

    public TrainedToyModel()
    {
        using var train = ToyData.Create(320, 1);
        using var val = ToyData.Create(120, 2, "val");
        var options = new TrainingOptions { Epochs = 4, BatchSize = 16, LearningRate = 3e-3, Seed = 7, Device = "cpu" };
        TrainingResult result = Trainer.Fit(new TrainingSetup(ToyData.Config, train, val, dir.Path, options, ["toy:train"]));
        ModelPath = result.BestModelPath;
        (Model, _) = Checkpoint.Load(ModelPath);
        Model.eval();
    }

    public string ModelPath { get; }

    public ResNet1d Model { get; }

    /// <summary>Fresh records of the toy problem.</summary>
    public static InMemoryPreparedDataset Data(int count, int seed, string name = "test") => ToyData.Create(count, seed, name);

    public void Dispose()
    {
        Model.Dispose();
        dir.Dispose();
    }
}
