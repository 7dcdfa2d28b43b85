using EcgXai.Datasets;
using EcgXai.Eval;
using EcgXai.Models;
using EcgXai.Signals;
using EcgXai.Synthesis;
using EcgXai.Tests.Models;
using EcgXai.Tests.Support;
using EcgXai.Training;
using static TorchSharp.torch;

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

    [Fact]
    public void LeadsAreSelectedAndOrderedByNameToMatchTheModelInput()
    {
        using var dir = new TempDir();
        string data = Path.Combine(dir.Path, "synthetic-ptbxl");
        SyntheticDatasetWriter.Write(new SyntheticDatasetOptions(data, SyntheticLayout.PtbXl, 6, 5, SynthesisSettings.Default));
        string modelPath = Path.Combine(dir.Path, "two-lead.safetensors");
        ResNet1dConfig config = TestModels.Tiny with { LeadNames = ["V1", "II"] };
        using var model = TestModels.Random(config, 8);
        Checkpoint.Save(model, modelPath, new CheckpointInfo { DataSpecs = [$"ptbxl:{data}"] });
        var options = new EvaluateOptions(modelPath, [$"ptbxl:{data}"]) { BootstrapResamples = 5, Device = "cpu", CacheDirectory = Path.Combine(dir.Path, "cache"), OutDirectory = dir.Path };
        using PreparedDataset twelve = DatasetPreparer.Prepare($"ptbxl:{data}", new PreprocessOptions(LeadNames.Standard12, config.SampleRate, config.InputLength), config.ClassNames, options.CacheDirectory);

        float[] Expected(params string[] leads)
        {
            int[] rows = leads.Select(l => LeadNames.Standard12.ToList().IndexOf(l)).ToArray();
            float[] input = Enumerable.Range(0, twelve.Count).SelectMany(r => rows.SelectMany(l => twelve.Signal(r).Slice(l * twelve.Length, twelve.Length).ToArray())).ToArray();
            using var noGrad = no_grad();
            using Tensor output = model.forward(tensor(input, [twelve.Count, rows.Length, twelve.Length])).sigmoid();
            return output.data<float>().ToArray();
        }

        float[] byModelNames = Evaluation.Run(options).Datasets[0].Probabilities;
        float[] swapped = Evaluation.Run(options with { Leads = ["ii", "V1"] }).Datasets[0].Probabilities;
        float[] limb = Evaluation.Run(options with { Leads = LeadNames.ParseList("I,aVF") }).Datasets[0].Probabilities;

        Assert.Equal(Expected("V1", "II"), byModelNames, (a, b) => Math.Abs(a - b) < 1e-5f);
        Assert.Equal(Expected("II", "V1"), swapped, (a, b) => Math.Abs(a - b) < 1e-5f);
        Assert.Equal(Expected("I", "aVF"), limb, (a, b) => Math.Abs(a - b) < 1e-5f);
        Assert.NotEqual(byModelNames, swapped);
    }

    [Fact]
    public void ALeadTheDataLackIsRefusedOrZeroFilledAsAskedAndRecorded()
    {
        using var dir = new TempDir();
        string data = Path.Combine(dir.Path, "synthetic-ptbxl");
        SyntheticDatasetWriter.Write(new SyntheticDatasetOptions(data, SyntheticLayout.PtbXl, 6, 5, SynthesisSettings.Default));
        string modelPath = Path.Combine(dir.Path, "two-lead.safetensors");
        ResNet1dConfig config = TestModels.Tiny with { LeadNames = ["II", "V7"] };
        using var model = TestModels.Random(config, 8);
        Checkpoint.Save(model, modelPath, new CheckpointInfo { DataSpecs = [$"ptbxl:{data}"] });
        var options = new EvaluateOptions(modelPath, [$"ptbxl:{data}"]) { BootstrapResamples = 5, Device = "cpu", CacheDirectory = Path.Combine(dir.Path, "cache"), OutDirectory = dir.Path };
        using PreparedDataset lead2 = DatasetPreparer.Prepare($"ptbxl:{data}", new PreprocessOptions(["II"], config.SampleRate, config.InputLength), config.ClassNames, options.CacheDirectory);
        float[] input = Enumerable.Range(0, lead2.Count).SelectMany(r => lead2.Signal(r).ToArray().Concat(new float[lead2.Length])).ToArray();
        float[] expected;
        using (var noGrad = no_grad())
        using (Tensor output = model.forward(tensor(input, [lead2.Count, 2, lead2.Length])).sigmoid())
        {
            expected = output.data<float>().ToArray();
        }

        var refused = Assert.Throws<EcgXai.IO.EcgXaiException>(() => Evaluation.Run(options));
        Assert.Contains("missing V7", refused.Message);
        EvaluationReport report = Evaluation.Run(options with { MissingLeads = MissingLeadHandling.Zero });

        Assert.Equal(expected, report.Datasets[0].Probabilities, (a, b) => Math.Abs(a - b) < 1e-5f);
        Assert.Contains("\"missing_leads\": \"zero\"", File.ReadAllText(Path.Combine(report.OutputDirectory, "evaluation.json")));
    }

    private sealed class Recorder(List<string> stages) : IProgress<EvaluationProgress>
    {
        public void Report(EvaluationProgress value) => stages.Add(value.Stage);
    }
}
