using EcgXai.Eval;
using EcgXai.IO;
using EcgXai.Models;
using EcgXai.Synthesis;
using EcgXai.Tests.Models;
using EcgXai.Tests.Support;
using EcgXai.Training.Metrics;
using static TorchSharp.torch;

namespace EcgXai.Tests.Eval;

public class ModelComparisonTests
{
    [Fact]
    public void ComparesTwoModelsOnTheSameRecordsByAPairedBootstrapOfTheAurocDifference()
    {
        using var dir = new TempDir();
        string data = Synthesize(dir, "synthetic ptbxl", 40, 9);
        string student = Save(dir.Path, "student", TestModels.Tiny, 31, data);
        // The compared model reads other leads: each model is fed its own leads.
        string teacher = Save(dir.Path, "teacher", TestModels.Tiny with { LeadNames = ["V1", "II"] }, 32, data);
        var options = new EvaluateOptions(student, [$"ptbxl:{data}"])
        {
            BootstrapResamples = 200,
            Device = "cpu",
            CacheDirectory = Path.Combine(dir.Path, "cache"),
            CompareModelPath = teacher,
        };

        EvaluationReport report = Evaluation.Run(options);
        EvaluationReport alone = Evaluation.Run(new EvaluateOptions(teacher, options.DataSpecs) { BootstrapResamples = 200, Device = "cpu", CacheDirectory = options.CacheDirectory });

        DatasetEvaluation d = report.Datasets.Single();
        Assert.All(d.Classes.Where(c => c.Positives > 0), c =>
        {
            ModelComparison m = c.Comparison!;
            ClassEvaluation other = alone.Datasets.Single().Classes.Single(o => o.ClassName == c.ClassName);
            Assert.Equal(40, m.Records);
            Assert.Equal(c.Positives, m.Positives);
            Assert.Equal(c.Auroc.Estimate, m.Auroc, 12);
            Assert.Equal(other.Auroc.Estimate, m.OtherAuroc.Estimate, 12);
            Assert.Equal(m.Auroc - m.OtherAuroc.Estimate, m.Difference.Estimate, 12);
            Assert.InRange(m.Difference.Estimate, m.Difference.Lower, m.Difference.Upper);
            Assert.True(m.Difference.Upper > m.Difference.Lower);
        });
        string[] csv = File.ReadAllLines(Path.Combine(report.OutputDirectory, "comparison.csv"));
        Assert.Equal(1 + d.Classes.Count, csv.Length);
        Assert.StartsWith("dataset,class,other_model,n,positives,auroc,other_auroc", csv[0], StringComparison.Ordinal);
        Assert.Contains($"AF vs {Path.GetFileName(teacher)} (paired, n = 40", report.FormatTable());
    }

    [Fact]
    public void AModelComparedWithItselfDiffersByExactlyZero()
    {
        using var dir = new TempDir();
        string data = Synthesize(dir, "synthetic-ptbxl", 30, 4);
        string model = Save(dir.Path, "model", TestModels.Tiny, 5, data);
        EvaluationReport report = Evaluation.Run(new EvaluateOptions(model, [$"ptbxl:{data}"])
        {
            BootstrapResamples = 50,
            Device = "cpu",
            CacheDirectory = Path.Combine(dir.Path, "cache"),
            CompareModelPath = model,
            Target = "AF",
        });
        ConfidenceInterval difference = report.Datasets[0].Classes.Single().Comparison!.Difference;
        Assert.Equal((0.0, 0.0, 0.0), (difference.Estimate, difference.Lower, difference.Upper));
    }

    [Fact]
    public void ACompareModelWithoutTheClassIsRefusedBeforeAnyDataIsPrepared()
    {
        using var dir = new TempDir();
        string data = Synthesize(dir, "synthetic-ptbxl", 12, 4);
        string model = Save(dir.Path, "model", TestModels.Tiny, 5, data);
        string other = Save(dir.Path, "other", TestModels.Tiny with { ClassNames = ["NORM", "MI"] }, 6, data);
        string cache = Path.Combine(dir.Path, "cache");

        var e = Assert.Throws<EcgXaiException>(() => Evaluation.Run(new EvaluateOptions(model, [$"ptbxl:{data}"]) { Device = "cpu", CacheDirectory = cache, CompareModelPath = other, Target = "AF" }));

        Assert.Equal(other, e.Path);
        Assert.Contains("has no output for AF", e.Message);
        Assert.False(Directory.Exists(cache));
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "model", "eval")));
    }

    [Fact]
    public void ACompareModelThatDoesNotFitTheDataIsRefusedBeforeAnyDataIsPrepared()
    {
        using var dir = new TempDir();
        string data = Synthesize(dir, "synthetic-ptbxl", 12, 4);
        string model = Save(dir.Path, "model", TestModels.Tiny, 5, data);
        string other = Save(dir.Path, "other", TestModels.Tiny with { LeadNames = ["II", "VX"] }, 6, data);
        string cache = Path.Combine(dir.Path, "cache");

        var e = Assert.Throws<EcgXaiException>(() => Evaluation.Run(new EvaluateOptions(model, [$"ptbxl:{data}"]) { Device = "cpu", CacheDirectory = cache, CompareModelPath = other }));

        Assert.Contains("VX", e.Message);
        Assert.False(Directory.Exists(cache));
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "model", "eval")));
    }

    [Fact]
    public void ANanScoreNamesTheModelTheRecordAndTheCause()
    {
        using var dir = new TempDir();
        string data = Synthesize(dir, "synthetic-ptbxl", 8, 4);
        string path = Path.Combine(dir.Path, "nan", "models", "best.safetensors");
        using (var model = TestModels.Random(TestModels.Tiny, 7))
        {
            using (no_grad())
            {
                model.lin.weight!.fill_(double.NaN);
            }
            Checkpoint.Save(model, path, new CheckpointInfo { DataSpecs = [$"ptbxl:{data}"] });
        }

        var e = Assert.Throws<EcgXaiException>(() => Evaluation.Run(new EvaluateOptions(path, [$"ptbxl:{data}"]) { Device = "cpu", CacheDirectory = Path.Combine(dir.Path, "cache") }));

        Assert.Equal(path, e.Path);
        Assert.Matches("score of record '.+' \\(ptbxl:.+\\) for class 1dAVb is NaN: the model's weights or the record's inputs hold NaN", e.Message);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "nan", "eval")));
    }

    private static string Synthesize(TempDir dir, string name, int records, ulong seed)
    {
        string data = Path.Combine(dir.Path, name);
        SyntheticDatasetWriter.Write(new SyntheticDatasetOptions(data, SyntheticLayout.PtbXl, records, seed, SynthesisSettings.Default));
        return data;
    }

    private static string Save(string root, string name, ResNet1dConfig config, int seed, string data)
    {
        string path = Path.Combine(root, name, "models", "best.safetensors");
        using var model = TestModels.Random(config, seed);
        Checkpoint.Save(model, path, new CheckpointInfo { DataSpecs = [$"ptbxl:{data}"] });
        return path;
    }
}
