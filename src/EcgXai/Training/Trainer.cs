using System.Diagnostics;
using System.Text.Json;
using EcgXai.Datasets;
using EcgXai.IO;
using EcgXai.Models;
using EcgXai.Training.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace EcgXai.Training;

/// <summary>
/// Fits a <see cref="ResNet1d"/> on labels, or distils it from cached teacher probabilities: Adam, learning-rate
/// decay on plateau and early stopping on validation macro AUROC (or one class's AUROC, <see cref="TrainingOptions.SelectionClass"/>), a checkpoint after every epoch plus the best
/// model (with per-class F1-optimal thresholds on the validation set), a CSV log, and resumption from the last
/// completed epoch (weights, Adam state, schedule, early stopping and history are restored; every epoch reseeds
/// dropout and shuffling from the run seed, so a resumed run equals an uninterrupted one). Records longer than the
/// model's input are trained on one seeded random window per record and epoch and validated by the mean over their
/// windows (<see cref="RecordWindows"/>).
/// </summary>
public static class Trainer
{
    private const int ProgressReportsPerEpoch = 20;

    /// <summary>Trains <paramref name="setup"/>, resuming the run found in its folder; returns the best model and the history.</summary>
    public static TrainingResult Fit(TrainingSetup setup, IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        TrainingOptions options = setup.Options;
        options.Validate();
        setup.Teacher?.Options.Validate();
        CheckData(setup);
        CheckResumable(setup);
        var run = new RunFolder(setup.RunDirectory);
        Directory.CreateDirectory(run.ModelsDirectory);
        string description = Describe(setup);
        TrainingState state = TrainingState.Load(run.StatePath) ?? new TrainingState(
            description,
            0,
            new PlateauSchedule(options.LearningRate, options.PlateauFactor, options.PlateauPatience, options.MinLearningRate),
            new EarlyStopping(options.EarlyStoppingPatience),
            [],
            false);

        Device device = TorchDevice.Resolve(options.Device);
        torch.manual_seed(options.Seed);
        using var model = new ResNet1d(setup.Model);
        model.to(device);
        using var optimizer = optim.Adam(model.parameters(), options.LearningRate);
        if (state.Epoch > 0)
        {
            ModelFiles.LoadWeights(model, run.EpochModel(state.Epoch));
            ModelFiles.LoadOptimizer(optimizer, run.EpochOptimizer(state.Epoch));
        }
        SetLearningRate(optimizer, state.Schedule.LearningRate);

        int classes = setup.Model.ClassCount;
        float[] validationLabels = Labels(setup.Validation);
        int window = setup.Model.InputLength, stride = RecordWindows.DefaultStride(window);
        (int, int)[]? extents = setup.Train.Length > window ? Enumerable.Range(0, setup.Train.Count).Select(i => RecordWindows.Extent(setup.Train.Signal(i), setup.Train.LeadCount)).ToArray() : null;
        float[]? positiveWeights = options.BalanceClasses ? PositiveWeights(Labels(setup.Train), classes, options.MaxPositiveWeight) : null;
        var step = new TrainingStep(model, optimizer, device, setup.Teacher?.Options, positiveWeights);
        int stepsPerEpoch = (setup.Train.Count + options.BatchSize - 1) / options.BatchSize;
        double completedSeconds = 0;
        int sessionEpochs = 0;
        for (int epoch = state.Epoch + 1; epoch <= options.Epochs && !state.Finished; epoch++)
        {
            var epochClock = Stopwatch.StartNew();
            double learningRate = state.Schedule.LearningRate;
            torch.manual_seed(EpochSeed(options.Seed, epoch));
            int[] order = Shuffle(setup.Train.Count, EpochSeed(options.Seed, epoch));
            model.train();
            double lossSum = 0;
            int seen = 0, steps = 0;
            TimeSpan waited;
            WindowCrop? crop = extents is null ? null : Crops(extents, setup.Train.Length, window, EpochSeed(options.Seed, epoch));
            using (var batches = new BatchPrefetcher(setup.Train, order, options.BatchSize, setup.Teacher?.Probabilities, crop))
            {
                while (batches.Next() is { } batch)
                {
                    cancellation.ThrowIfCancellationRequested();
                    lossSum += step.Run(batch) * batch.Count;
                    seen += batch.Count;
                    steps++;
                    if (progress is not null && (steps % Math.Max(1, stepsPerEpoch / ProgressReportsPerEpoch) == 0) && steps < stepsPerEpoch)
                    {
                        double elapsed = epochClock.Elapsed.TotalSeconds;
                        double epochEstimate = sessionEpochs > 0 ? completedSeconds / sessionEpochs : elapsed / steps * stepsPerEpoch;
                        var eta = TimeSpan.FromSeconds(Math.Max(0, epochEstimate - elapsed) + epochEstimate * (options.Epochs - epoch));
                        progress.Report(new TrainingProgress(epoch, options.Epochs, steps, stepsPerEpoch, lossSum / seen, null, eta, seen / elapsed, batches.WaitTime.TotalSeconds / elapsed));
                    }
                }
                waited = batches.WaitTime;
            }
            double trainSeconds = epochClock.Elapsed.TotalSeconds;

            model.eval();
            float[] probabilities = RecordWindows.Score(setup.Validation, window, stride, options.BatchSize, device, x => model.forward(x).sigmoid(), cancellation);
            double[] aurocs = Auroc.PerClass(probabilities, validationLabels, classes);
            double macro = Auroc.MeanIgnoringNaN(aurocs);
            double selection = options.SelectionClass is { } selected ? aurocs[setup.Model.ClassNames.ToList().IndexOf(selected)] : macro;
            EarlyStopping stopping = state.Stopping.Step(epoch, double.IsNaN(selection) ? 0 : selection);
            var info = new CheckpointInfo
            {
                DataSpecs = setup.DataSpecs,
                Thresholds = Thresholds(probabilities, validationLabels, setup.Model.ClassNames),
                ThresholdData = setup.Validation.Name,
                Epoch = epoch,
                Seed = options.Seed,
                Teacher = setup.Teacher?.Teacher,
                ValidationMacroAuroc = macro,
                RecordLength = setup.Validation.Length > window ? setup.Validation.Length : null,
            };
            if (stopping.Improved)
            {
                Checkpoint.Save(model, run.BestModel, info);
            }
            Checkpoint.Save(model, run.EpochModel(epoch), info);
            ModelFiles.SaveOptimizer(optimizer, run.EpochOptimizer(epoch));
            var record = new EpochRecord(epoch, learningRate, lossSum / seen, BinaryCrossEntropy(probabilities, validationLabels), macro, aurocs,
                epochClock.Elapsed.TotalSeconds, seen / trainSeconds, waited.TotalSeconds / trainSeconds);
            PlateauSchedule schedule = state.Schedule.Step(double.IsNaN(selection) ? 0 : selection);
            SetLearningRate(optimizer, schedule.LearningRate);
            int previous = state.Epoch;
            state = state with { Epoch = epoch, Schedule = schedule, Stopping = stopping, History = [.. state.History, record], Finished = stopping.ShouldStop };
            state.Save(run.StatePath);
            TrainingLog.Write(run.LogPath, setup.Model.ClassNames, state.History);
            if (previous > 0)
            {
                Checkpoint.Delete(run.EpochModel(previous));
                File.Delete(run.EpochOptimizer(previous));
            }
            sessionEpochs++;
            completedSeconds += epochClock.Elapsed.TotalSeconds;
            double perEpoch = completedSeconds / sessionEpochs;
            progress?.Report(new TrainingProgress(epoch, options.Epochs, steps, stepsPerEpoch, record.TrainLoss, macro,
                TimeSpan.FromSeconds(state.Finished ? 0 : perEpoch * (options.Epochs - epoch)), record.SamplesPerSecond, record.DataWaitShare));
        }
        return new TrainingResult(run.BestModel, state.Stopping.BestEpoch, state.Stopping.Best, state.History, state.Finished);
    }

    /// <summary>The seed of epoch <paramref name="epoch"/> (dropout and shuffling) derived from the run seed.</summary>
    public static int EpochSeed(int seed, int epoch) => unchecked(seed * 1_000_003 + epoch * 7_919);

    /// <summary>A permutation of <c>0..count-1</c> drawn with <paramref name="seed"/> (Fisher–Yates).</summary>
    public static int[] Shuffle(int count, int seed)
    {
        var random = new Random(seed);
        int[] order = Enumerable.Range(0, count).ToArray();
        for (int i = count - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }

    /// <summary>
    /// Per-class weights of positive labels: negatives/positives over <paramref name="labels"/> (row-major
    /// <c>[records, classes]</c>), clamped to [1, <paramref name="max"/>]; 1 for a class without positives.
    /// </summary>
    public static float[] PositiveWeights(float[] labels, int classes, double max)
    {
        var weights = new float[classes];
        for (int c = 0; c < classes; c++)
        {
            float[] column = Auroc.Column(labels, classes, c);
            int positives = column.Count(v => v >= 0.5f), negatives = column.Length - positives;
            weights[c] = positives == 0 ? 1f : (float)Math.Clamp((double)negatives / positives, 1, max);
        }
        return weights;
    }

    private static WindowCrop Crops((int, int)[] extents, int length, int window, int seed)
    {
        var random = new Random(seed);
        return new WindowCrop(window, extents.Select(e => RecordWindows.RandomStart(e, length, window, random)).ToArray());
    }

    /// <summary>
    /// Throws when <paramref name="setup"/>'s run folder holds the state of a different run (data, model or options
    /// differ); reads only, so a refused resume changes nothing. The teacher's probabilities are not compared.
    /// </summary>
    internal static void CheckResumable(TrainingSetup setup)
    {
        var run = new RunFolder(setup.RunDirectory);
        if (TrainingState.Load(run.StatePath) is { } state && state.Setup != Describe(setup))
        {
            throw new EcgXaiException(run.StatePath, "this run folder holds a different training run (data, model or options differ); choose a new --out");
        }
    }

    private static void CheckData(TrainingSetup setup)
    {
        ResNet1dConfig config = setup.Model;
        foreach (PreparedDataset data in new[] { setup.Train, setup.Validation })
        {
            if (data.Count == 0)
            {
                throw new EcgXaiException(data.Name, "has no records");
            }
            if (data.LeadCount != config.LeadCount || data.Length < config.InputLength || !data.ClassNames.SequenceEqual(config.ClassNames))
            {
                throw new EcgXaiException(data.Name, $"holds {data.LeadCount} leads x {data.Length} samples for classes [{string.Join(", ", data.ClassNames)}], " +
                    $"the model expects {config.LeadCount} x {config.InputLength} (or longer records, scored by windows) for [{string.Join(", ", config.ClassNames)}]");
            }
        }
        setup.Options.Validate(config.ClassNames);
        float[] labels = Labels(setup.Validation);
        bool anyDefined = Enumerable.Range(0, config.ClassCount).Any(c =>
        {
            float[] column = Auroc.Column(labels, config.ClassCount, c);
            return column.Any(v => v >= 0.5f) && column.Any(v => v < 0.5f);
        });
        if (!anyDefined)
        {
            throw new EcgXaiException(setup.Validation.Name, "no class has both positive and negative validation records, so validation AUROC is undefined");
        }
        if (setup.Teacher is { } teacher && teacher.Probabilities.Length != setup.Train.Count * config.ClassCount)
        {
            throw new EcgXaiException(teacher.Teacher, $"teacher predictions hold {teacher.Probabilities.Length} values, expected {setup.Train.Count} records x {config.ClassCount} classes");
        }
    }

    private static string Describe(TrainingSetup setup) => JsonSerializer.Serialize(new
    {
        model = setup.Model,
        options = setup.Options with { Epochs = 0, Device = null },
        data = setup.DataSpecs,
        train = new { setup.Train.Name, setup.Train.Count, setup.Train.Length },
        validation = new { setup.Validation.Name, setup.Validation.Count },
        teacher = setup.Teacher is { } t ? new { t.Teacher, t.Options.Alpha, t.Options.Temperature } : null,
    });

    private static void SetLearningRate(optim.Optimizer optimizer, double learningRate)
    {
        foreach (var group in optimizer.ParamGroups)
        {
            group.LearningRate = learningRate;
        }
    }

    private static float[] Labels(PreparedDataset data)
    {
        int classes = data.ClassNames.Count;
        var labels = new float[data.Count * classes];
        for (int i = 0; i < data.Count; i++)
        {
            for (int c = 0; c < classes; c++)
            {
                labels[i * classes + c] = data.Label(i, c);
            }
        }
        return labels;
    }

    private static Dictionary<string, double> Thresholds(float[] probabilities, float[] labels, IReadOnlyList<string> classNames) =>
        Enumerable.Range(0, classNames.Count).ToDictionary(
            c => classNames[c],
            c => ThresholdMetrics.F1Optimal(BinaryScores.From(Auroc.Column(probabilities, classNames.Count, c), Auroc.Column(labels, classNames.Count, c))).Threshold);

    private static double BinaryCrossEntropy(float[] probabilities, float[] labels)
    {
        double sum = 0;
        for (int i = 0; i < probabilities.Length; i++)
        {
            double p = Math.Clamp(probabilities[i], DistillationLoss.ProbabilityClamp, 1 - DistillationLoss.ProbabilityClamp);
            sum -= labels[i] >= 0.5f ? Math.Log(p) : Math.Log(1 - p);
        }
        return sum / probabilities.Length;
    }
}
