using EcgXai.Eval;
using EcgXai.Models;
using EcgXai.Synthesis;
using EcgXai.Tests.Models;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.Eval;

public class EvaluationRunTests
{
    [Fact]
    public void RunsFromCheckpointAndSpecsIntoTheRunFolder()
    {
        using var dir = new TempDir();
        string data = Path.Combine(dir.Path, "synthetic-ptbxl");
        SyntheticDatasetWriter.Write(new SyntheticDatasetOptions(data, SyntheticLayout.PtbXl, 24, 3, SynthesisSettings.Default));
        string modelPath = Path.Combine(dir.Path, "run", "models", "best.safetensors");
        using (var model = TestModels.Random(TestModels.Tiny, 31))
        {
            Checkpoint.Save(model, modelPath, new CheckpointInfo { DataSpecs = [$"ptbxl:{data}"], Thresholds = new Dictionary<string, double> { ["AF"] = 0.4 } });
        }
        var stages = new List<string>();
        var options = new EvaluateOptions(modelPath, [$"ptbxl:{data}@test", $"ptbxl:{data}"])
        {
            BootstrapResamples = 20,
            Device = "cpu",
            CacheDirectory = Path.Combine(dir.Path, "cache"),
        };
        EvaluationReport report = Evaluation.Run(options, new Recorder(stages));

        Assert.Equal(Path.Combine(dir.Path, "run", "eval"), report.OutputDirectory);
        Assert.All(report.Datasets, d => Assert.True(d.InDistribution));
        Assert.Equal(24, report.Datasets[1].RecordIds.Count);
        Assert.InRange(report.Datasets[0].RecordIds.Count, 1, 23);
        Assert.Equal(0.4, report.Datasets[1].Classes.Single(c => c.ClassName == "AF").AtThreshold.Threshold);
        Assert.True(File.Exists(Path.Combine(report.OutputDirectory, "roc-ptbxl-synthetic-ptbxl.png")));
        Assert.Equal(1 + 24, File.ReadAllLines(Path.Combine(report.OutputDirectory, "predictions-ptbxl-synthetic-ptbxl.csv")).Length);
        Assert.Contains("predict", stages);
        Assert.Contains("write", stages);

        var e = Assert.Throws<EcgXai.IO.EcgXaiException>(() => Evaluation.Run(options with { Leads = ["I", "II"] }));
        Assert.Contains("2 leads selected (I,II) for a model with 12 inputs", e.Message);
    }

    private sealed class Recorder(List<string> stages) : IProgress<EvaluationProgress>
    {
        public void Report(EvaluationProgress value) => stages.Add(value.Stage);
    }
}
