using System.Text.Json;
using EcgXai.Datasets;
using EcgXai.Eval;
using EcgXai.IO;
using EcgXai.Models;
using EcgXai.Signals;
using EcgXai.Tests.Models;
using EcgXai.Tests.Support;
using static TorchSharp.torch;

namespace EcgXai.Tests.Eval;

public class EvaluationTests
{
    private const int Records = 40;

    private static InMemoryPreparedDataset Data(ResNet1dConfig config, int seed, IReadOnlyDictionary<string, int>? skipped = null)
    {
        var random = new Random(seed);
        int per = config.LeadCount * config.InputLength;
        float[] signals = Enumerable.Range(0, Records * per).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        float[] labels = Enumerable.Range(0, Records * config.ClassCount).Select(_ => random.NextDouble() < 0.3 ? 1f : 0f).ToArray();
        string[] ids = Enumerable.Range(0, Records).Select(i => $"r{i}").ToArray();
        return new InMemoryPreparedDataset("test", signals, labels, ids, ids, ids.Select(_ => (double?)null).ToArray(), ids.Select(_ => Sex.Unknown).ToArray(),
            config.LeadNames, config.ClassNames, config.SampleRate, config.InputLength, skipped);
    }

    private static double PairwiseAuroc(IReadOnlyList<float> scores, IReadOnlyList<bool> labels)
    {
        double wins = 0;
        int pairs = 0;
        for (int i = 0; i < scores.Count; i++)
        {
            for (int j = 0; j < scores.Count; j++)
            {
                if (labels[i] && !labels[j])
                {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }
        return wins / pairs;
    }

    private static readonly CheckpointInfo Info = new()
    {
        DataSpecs = ["ptbxl:/data/ptb-xl"],
        Thresholds = new Dictionary<string, double> { ["AF"] = 0.45 },
        ThresholdData = "ptbxl:/data/ptb-xl@val",
    };

    [Fact]
    public void EvaluatesPredictionsOfTheModelWithIndependentlyCheckedMetrics()
    {
        using var model = TestModels.Random(TestModels.Tiny, 21);
        using var data = Data(TestModels.Tiny, 1);
        var options = new EvaluateOptions("m.safetensors", ["ptbxl:/data/ptb-xl@test"]) { BootstrapResamples = 200, BatchSize = 7 };
        DatasetEvaluation result = Evaluation.Evaluate(model, Info, data, "ptbxl:/data/ptb-xl@test", options);

        Assert.True(result.InDistribution);
        Assert.Equal(6, result.Classes.Count);
        int classes = TestModels.Tiny.ClassCount;
        float[] signals = new float[Records * 12 * 64];
        float[] labels = new float[Records * classes];
        data.CopyBatch(Enumerable.Range(0, Records).ToArray(), signals, labels);
        using (no_grad())
        {
            using var expected = model.forward(tensor(signals, [Records, 12, 64])).sigmoid();
            using var actual = tensor(result.Probabilities, [Records, classes]);
            Assert.True((expected - actual).abs().max().item<float>() < 1e-6f);
        }
        Assert.Equal(labels, result.Labels);
        for (int c = 0; c < classes; c++)
        {
            float[] column = Enumerable.Range(0, Records).Select(i => result.Probabilities[i * classes + c]).ToArray();
            bool[] truth = Enumerable.Range(0, Records).Select(i => labels[i * classes + c] == 1).ToArray();
            ClassEvaluation ce = result.Classes[c];
            Assert.Equal(PairwiseAuroc(column, truth), ce.Auroc.Estimate, 12);
            Assert.True(ce.Auroc.Lower <= ce.Auroc.Estimate && ce.Auroc.Estimate <= ce.Auroc.Upper);
            double threshold = ce.ClassName == "AF" ? 0.45 : Evaluation.DefaultThreshold;
            Assert.Equal(threshold, ce.AtThreshold.Threshold);
            int tp = Enumerable.Range(0, Records).Count(i => truth[i] && column[i] >= threshold);
            int tn = Enumerable.Range(0, Records).Count(i => !truth[i] && column[i] < threshold);
            Assert.Equal((double)tp / truth.Count(t => t), ce.AtThreshold.Sensitivity, 12);
            Assert.Equal((double)tn / truth.Count(t => !t), ce.AtThreshold.Specificity, 12);
            Assert.StartsWith(ce.ClassName == "AF" ? "checkpoint (ptbxl:/data/ptb-xl@val)" : "default 0.5", ce.ThresholdSource);
        }
    }

    [Fact]
    public void TargetRestrictsClassesAndMismatchesAreNamed()
    {
        using var model = TestModels.Random(TestModels.Tiny, 22);
        using var data = Data(TestModels.Tiny, 2);
        var options = new EvaluateOptions("m", ["x"]) { Target = "af", BootstrapResamples = 10 };
        var result = Evaluation.Evaluate(model, new CheckpointInfo(), data, "cpsc2018:/data/cpsc", options);
        Assert.Equal("AF", Assert.Single(result.Classes).ClassName);
        Assert.False(result.InDistribution);
        var unknown = Assert.Throws<EcgXaiException>(() => Evaluation.Evaluate(model, Info, data, "s", options with { Target = "PVC" }));
        Assert.Equal(options.ModelPath, unknown.Path);

        using var shorter = Data(TestModels.Tiny with { Lengths = [32, 8, 2] }, 3);
        var e = Assert.Throws<EcgXaiException>(() => Evaluation.Evaluate(model, Info, shorter, "cpsc2018:/data/cpsc", options));
        Assert.Equal("cpsc2018:/data/cpsc", e.Path);
        Assert.Contains("12 leads x 32 samples, the model expects 12 x 64", e.Message);
    }

    [Fact]
    public void InDistributionMeansSameKindAndFolderAnySplit()
    {
        string[] trained = ["ptbxl:/data/ptb-xl/", "cpsc2018:/data/a@train"];
        Assert.True(Evaluation.IsInDistribution("ptbxl:/data/ptb-xl@test", trained));
        Assert.True(Evaluation.IsInDistribution("cpsc2018:/data/a", trained));
        Assert.False(Evaluation.IsInDistribution("challenge:/data/ptb-xl@test", trained));
        Assert.False(Evaluation.IsInDistribution("ptbxl:/data/other@test", trained));
        Assert.False(Evaluation.IsInDistribution("not a spec", trained));
    }

    [Fact]
    public void WritesTablesPredictionsAndRocPngs()
    {
        using var dir = new TempDir();
        using var model = TestModels.Random(TestModels.Tiny, 23);
        using var a = Data(TestModels.Tiny, 4);
        using var b = Data(TestModels.Tiny, 5, new Dictionary<string, int> { ["missing-file"] = 2 });
        var options = new EvaluateOptions("m", ["x"]) { BootstrapResamples = 50 };
        var report = new EvaluationReport("m.safetensors", Info.DataSpecs,
            [Evaluation.Evaluate(model, Info, a, "ptbxl:/data/ptb-xl@test", options), Evaluation.Evaluate(model, Info, b, "cpsc2018:/data/cpsc", options)],
            Path.Combine(dir.Path, "eval"));
        EvaluationWriter.Write(report);

        string eval = Path.Combine(dir.Path, "eval");
        Assert.Equal(
            ["evaluation.json", "metrics.csv", "predictions-cpsc2018-cpsc.csv", "predictions-ptbxl-ptb-xl-test.csv", "roc-cpsc2018-cpsc.png", "roc-ptbxl-ptb-xl-test.png", "skipped.csv", "table.csv", "table.txt"],
            Directory.GetFiles(eval).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, File.ReadAllBytes(Path.Combine(eval, "roc-cpsc2018-cpsc.png"))[..4]);
        Assert.Equal(1 + 2 * 6, File.ReadAllLines(Path.Combine(eval, "metrics.csv")).Length);
        string[] table = File.ReadAllLines(Path.Combine(eval, "table.csv"));
        Assert.Equal(1 + 6, table.Length);
        Assert.Equal(1 + 2 * 6, table[0].Split(',').Length);
        Assert.Equal(1 + Records, File.ReadAllLines(Path.Combine(eval, "predictions-cpsc2018-cpsc.csv")).Length);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(eval, "evaluation.json")));
        var datasets = json.RootElement.GetProperty("datasets");
        Assert.True(datasets[0].GetProperty("in_distribution").GetBoolean());
        Assert.False(datasets[1].GetProperty("in_distribution").GetBoolean());
        Assert.Equal(report.Datasets[1].Classes[4].Auroc.Estimate, datasets[1].GetProperty("classes")[4].GetProperty("auroc").GetDouble());
        string text = report.FormatTable();
        Assert.Contains("ptbxl:/data/ptb-xl@test (in-dist)", text);
        Assert.Contains($"(n = {Records})", text);
        Assert.Contains($"(n = {Records}, 2 skipped)", text);
        Assert.Equal(2, datasets[1].GetProperty("skipped").GetProperty("missing-file").GetInt32());
    }

    [Fact]
    public void SlugsAreUniqueAndFileSafe()
    {
        Assert.Equal(["ptbxl-ptb-xl-test", "ptbxl-ptb-xl-test-2", "cpsc2018-cpsc-2018-val", "weird-name"],
            EvaluationWriter.Slugs(["ptbxl:/d/ptb-xl@test", "ptbxl:/e/ptb-xl@test", "cpsc2018:/x/CPSC 2018@val", "weird name"]));
    }
}
