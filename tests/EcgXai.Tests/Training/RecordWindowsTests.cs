using EcgXai.Models;
using EcgXai.Training.Metrics;
using EcgXai.Datasets;
using EcgXai.Signals;
using EcgXai.Tests.Support;
using EcgXai.Training;
using static TorchSharp.torch;

namespace EcgXai.Tests.Training;

public class RecordWindowsTests
{
    [Fact]
    public void TheExtentSpansTheNonZeroSamplesOfAnyLead()
    {
        float[] row = new float[2 * 10];
        row[3] = 1f;       // lead 0, sample 3
        row[10 + 7] = -2f; // lead 1, sample 7
        Assert.Equal((3, 8), RecordWindows.Extent(row, 2));
        Assert.Equal((0, 0), RecordWindows.Extent(new float[20], 2));
    }

    [Fact]
    public void WindowsCoverTheExtentFromItsStartWithAFinalWindowAtItsEnd()
    {
        Assert.Equal([100, 150, 200, 250, 270], RecordWindows.Starts((100, 370), 1000, 100, 50));
        Assert.Equal([100], RecordWindows.Starts((100, 200), 1000, 100, 50));
        Assert.Equal([130], RecordWindows.Starts((160, 200), 1000, 100, 50)); // centred on a short extent
        Assert.Equal([0], RecordWindows.Starts((0, 20), 1000, 100, 50));       // but inside the row
        Assert.Equal([900], RecordWindows.Starts((980, 1000), 1000, 100, 50));
        Assert.Throws<ArgumentException>(() => RecordWindows.Starts((0, 10), 50, 100, 50));
    }

    [Fact]
    public void RandomStartsStayInsideTheExtentAndReachBothEnds()
    {
        var random = new Random(3);
        int[] starts = Enumerable.Range(0, 2000).Select(_ => RecordWindows.RandomStart((100, 370), 1000, 100, random)).ToArray();
        Assert.Equal(100, starts.Min());
        Assert.Equal(270, starts.Max());
        Assert.Equal(130, RecordWindows.RandomStart((160, 200), 1000, 100, random));
    }

    [Fact]
    public void ARecordScoresTheMeanOfItsWindowsProbabilities()
    {
        // Two leads, rows of 12 samples; record 0 has signal in samples 2..9, record 1 only in 5..6.
        const int length = 12, window = 4;
        float[] signals = new float[2 * 2 * length];
        for (int t = 2; t < 10; t++)
        {
            signals[t] = t;                 // record 0, lead I
            signals[length + t] = 100 + t;  // record 0, lead II
        }
        signals[2 * length + 5] = 1;
        signals[3 * length + 6] = 3;
        using var data = new InMemoryPreparedDataset("w", signals, [1, 0], ["a", "b"], ["a", "b"], [null, null], [Sex.Unknown, Sex.Unknown], ["I", "II"], ["AF"], 100, length);
        // "Probability" = mean of lead I over the window; "class 2" would be lead II's, here one class.
        Tensor Predict(Tensor x) => x.select(1, 0).mean([1], keepdim: true);

        float[] scores = RecordWindows.Score(data, window, 2, 3, CPU, Predict);

        // Record 0: windows start at 2, 4, 6 (the last ends at 10): means of 2..5, 4..7, 6..9.
        double expected0 = (3.5 + 5.5 + 7.5) / 3;
        // Record 1: extent 5..7, one centred window starting at 4: lead I holds 1 at sample 5.
        double expected1 = 1.0 / 4;
        Assert.Equal(expected0, scores[0], 5);
        Assert.Equal(expected1, scores[1], 5);
        float[] whole = RecordWindows.Score(data, length, 6, 3, CPU, Predict);
        Assert.Equal(BatchInference.Run(data, 3, CPU, Predict), whole);
    }

    [Fact]
    public void PositiveWeightsAreNegativesOverPositivesClamped()
    {
        // 10 records, 3 classes: 2 positives, 0 positives, 9 positives.
        float[] labels = new float[30];
        labels[0 * 3] = labels[1 * 3] = 1;
        for (int i = 0; i < 9; i++)
        {
            labels[i * 3 + 2] = 1;
        }
        Assert.Equal([4f, 1f, 1f], Trainer.PositiveWeights(labels, 3, 20));
        Assert.Equal([3f, 1f, 1f], Trainer.PositiveWeights(labels, 3, 3));
    }

    [Fact]
    public void LongRecordsTrainOnRandomWindowsAndValidateOnAllOfThem()
    {
        using var dir = new TempDir();
        using var train = Longer(ToyData.Create(160, 1), 3);
        using var val = Longer(ToyData.Create(60, 2, "val"), 3);
        var options = new TrainingOptions { Epochs = 3, BatchSize = 16, LearningRate = 3e-3, Seed = 7, Device = "cpu", BalanceClasses = true };
        TrainingResult result = Trainer.Fit(new TrainingSetup(ToyData.Config, train, val, dir.Path, options, ["toy:train"]));

        Assert.True(result.BestValidationMacroAuroc > 0.9, $"val macro AUROC {result.BestValidationMacroAuroc}");
        var (model, info) = Checkpoint.Load(result.BestModelPath, CPU);
        using (model)
        {
            Assert.Equal(3 * ToyData.Config.InputLength, info.RecordLength);
            model.eval();
            float[] scores = RecordWindows.Score(val, 64, 32, 16, CPU, x => model.forward(x).sigmoid());
            double auroc = Auroc.MeanIgnoringNaN(Auroc.PerClass(scores, Labels(val), 2));
            Assert.Equal(result.BestValidationMacroAuroc, auroc, 9);
        }
    }

    /// <summary>The toy records repeated <paramref name="times"/> times along time: rows <paramref name="times"/> x as long.</summary>
    private static InMemoryPreparedDataset Longer(InMemoryPreparedDataset data, int times)
    {
        int length = data.Length * times, leads = data.LeadCount;
        var signals = new float[data.Count * leads * length];
        for (int i = 0; i < data.Count; i++)
        {
            ReadOnlySpan<float> row = data.Signal(i);
            for (int l = 0; l < leads; l++)
            {
                for (int k = 0; k < times; k++)
                {
                    row.Slice(l * data.Length, data.Length).CopyTo(signals.AsSpan((i * leads + l) * length + k * data.Length, data.Length));
                }
            }
        }
        float[] labels = Labels(data);
        using (data)
        {
            return new InMemoryPreparedDataset(data.Name, signals, labels, data.RecordIds, data.PatientIds, data.Ages, data.Sexes, data.LeadNames, data.ClassNames, data.SampleRate, length);
        }
    }

    private static float[] Labels(PreparedDataset data) =>
        Enumerable.Range(0, data.Count).SelectMany(i => Enumerable.Range(0, data.ClassNames.Count).Select(c => data.Label(i, c))).ToArray();
}
