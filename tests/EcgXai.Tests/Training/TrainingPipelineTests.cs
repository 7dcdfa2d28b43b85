using TorchSharp;
using System.Text.Json;
using EcgXai.Datasets;
using EcgXai.Eval;
using EcgXai.IO;
using EcgXai.Models;
using EcgXai.Synthesis;
using EcgXai.Tests.Support;
using EcgXai.Training;

namespace EcgXai.Tests.Training;

public class TrainingPipelineTests
{
    /// <summary>A 12-lead, 6-class model on 64 samples at 100 Hz (the centre 0.64 s of each record).</summary>
    private static readonly ResNet1dConfig Tiny = ResNet1dConfig.Compact with { Filters = [4, 8], Lengths = [64, 16], Preset = "custom" };

    [Fact]
    public void TrainsThenDistilsFromTheResultOnASyntheticPtbXlSet()
    {
        using var dir = new TempDir();
        string data = dir.File("ptbxl");
        SyntheticDatasetWriter.Write(new SyntheticDatasetOptions(data, SyntheticLayout.PtbXl, 100, 5, SynthesisSettings.Default));
        var options = new TrainingOptions { Epochs = 1, BatchSize = 16, Seed = 3, Device = "cpu" };
        string[] specs = ["ptbxl:" + data];
        var teacherJob = new TrainingJob(specs, Tiny, dir.File("teacher"), options) { CacheDirectory = dir.File("cache") };
        TrainingResult teacher = TrainingPipeline.Run(teacherJob);
        Assert.True(File.Exists(teacher.BestModelPath));
        var (model, info) = Checkpoint.Load(teacher.BestModelPath, torch.CPU);
        model.Dispose();
        Assert.Equal(specs, info.DataSpecs);
        Assert.Equal(Tiny.ClassNames.Order(), info.Thresholds.Keys.Order());
        Assert.EndsWith("@val", info.ThresholdData);

        var distill = teacherJob with
        {
            OutDirectory = dir.File("student"),
            Teacher = new TeacherJob(teacher.BestModelPath, new TeacherOptions(), new DistillationOptions(0.7, 3)),
        };
        TrainingResult student = TrainingPipeline.Run(distill);
        var run = new RunFolder(dir.File("student"));
        var (cached, _) = SafeTensors.Read(run.TeacherPredictions);
        Assert.Equal(6, cached["probabilities"].shape[1]);
        Assert.Equal(Path.GetFullPath(teacher.BestModelPath), Checkpoint.Load(student.BestModelPath, torch.CPU).Info.Teacher);
        using var config = JsonDocument.Parse(File.ReadAllText(run.ConfigPath));
        Assert.Equal("distill", config.RootElement.GetProperty("command").GetString());
        Assert.Equal(0.7, config.RootElement.GetProperty("teacher").GetProperty("alpha").GetDouble());
    }

    [Fact]
    public void RecordsLackingALeadTrainOnlyWithZeroFillWhichTheRunConfigRecords()
    {
        using var dir = new TempDir();
        string data = dir.File("ptbxl");
        SyntheticDatasetWriter.Write(new SyntheticDatasetOptions(data, SyntheticLayout.PtbXl, 40, 5, SynthesisSettings.Default));
        foreach (string header in Directory.EnumerateFiles(data, "*.hea", SearchOption.AllDirectories))
        {
            File.WriteAllText(header, File.ReadAllText(header).Replace(" V6\n", " V7\n"));
        }
        var job = new TrainingJob(["ptbxl:" + data], Tiny, dir.File("run"), new TrainingOptions { Epochs = 1, BatchSize = 16, Seed = 3, Device = "cpu" })
        {
            CacheDirectory = dir.File("cache"),
        };

        var refused = Assert.Throws<EcgXaiException>(() => TrainingPipeline.Run(job));
        Assert.Contains("missing V6", refused.Message);
        Assert.False(Directory.Exists(job.OutDirectory));

        TrainingResult result = TrainingPipeline.Run(job with { MissingLeads = MissingLeadHandling.Zero });
        Assert.True(File.Exists(result.BestModelPath));
        using var config = JsonDocument.Parse(File.ReadAllText(new RunFolder(job.OutDirectory).ConfigPath));
        Assert.Equal("zero", config.RootElement.GetProperty("missing_leads").GetString());
    }

    [Fact]
    public void AHighPassIsPartOfTheTrainedModelAndEvaluationAppliesIt()
    {
        using var dir = new TempDir();
        string data = dir.File("ptbxl");
        SyntheticDatasetWriter.Write(new SyntheticDatasetOptions(data, SyntheticLayout.PtbXl, 60, 5, SynthesisSettings.HardPreset));
        var job = new TrainingJob(["ptbxl:" + data], Tiny, dir.File("run"), new TrainingOptions { Epochs = 1, BatchSize = 16, Seed = 3, Device = "cpu" })
        {
            CacheDirectory = dir.File("cache"),
            HighPassHz = 0.5,
        };
        TrainingResult result = TrainingPipeline.Run(job);
        var (model, info) = Checkpoint.Load(result.BestModelPath, torch.CPU);
        using (model)
        {
            Assert.Equal(0.5, model.Config.HighPassHz);
            string test = "ptbxl:" + data + "@test";
            var options = new EvaluateOptions(result.BestModelPath, [test]) { CacheDirectory = dir.File("cache"), OutDirectory = dir.File("eval"), Device = "cpu" };
            float[] evaluated = Evaluation.Run(options).Datasets[0].Probabilities;
            using PreparedDataset filtered = DatasetPreparer.Prepare(test, Tiny.Preprocessing() with { HighPassHz = 0.5 }, Tiny.ClassNames, dir.File("cache"));
            using PreparedDataset raw = DatasetPreparer.Prepare(test, Tiny.Preprocessing(), Tiny.ClassNames, dir.File("cache"));
            Assert.Equal(Evaluation.Evaluate(model, info, filtered, test, options).Probabilities, evaluated);
            Assert.NotEqual(Evaluation.Evaluate(model, info, raw, test, options).Probabilities, evaluated);
        }
    }

    [Fact]
    public void ASpecWithASplitIsRefused()
    {
        using var dir = new TempDir();
        var job = new TrainingJob(["ptbxl:/nowhere@train"], Tiny, dir.Path, new TrainingOptions());
        var e = Assert.Throws<EcgXaiException>(() => TrainingPipeline.Run(job));
        Assert.Contains("without a split", e.Message);
    }
}
