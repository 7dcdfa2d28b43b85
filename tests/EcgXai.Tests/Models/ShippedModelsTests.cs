using EcgXai.Training.Metrics;
using System.Text.Json;
using EcgXai.Datasets;
using EcgXai.IO;
using EcgXai.Models;
using EcgXai.Signals;
using EcgXai.Synthesis;
using EcgXai.Tests.Support;
using EcgXai.Training;
using static TorchSharp.torch;

namespace EcgXai.Tests.Models;

/// <summary>The students shipped under <c>models/</c> load, are small float32 files that match their config.json, and predict.</summary>
public class ShippedModelsTests
{
    public static TheoryData<string, int, string> Shipped => new()
    {
        { "ptbxl-af-12lead", 12, "AF" },
        { "cinc2017-af-lead1", 1, "AF" },
    };

    [Theory]
    [MemberData(nameof(Shipped))]
    public void LoadsAsASmallFloat32CheckpointMatchingItsConfigAndModelCard(string name, int leads, string target)
    {
        string folder = Path.Combine(SharedData.RepoRoot, "models", name);
        string path = Path.Combine(folder, "model.safetensors");
        Assert.True(new FileInfo(path).Length < 8_000_000, $"{path} is larger than 8 MB");
        var (tensors, metadata) = SafeTensors.Read(path);
        Assert.All(tensors.Values, t => Assert.Equal(ScalarType.Float32, t.is_floating_point() ? t.dtype : ScalarType.Float32));
        foreach (Tensor t in tensors.Values)
        {
            t.Dispose();
        }
        var (model, info) = Checkpoint.Load(path, CPU);
        using (model)
        {
            ResNet1dConfig config = model.Config;
            Assert.Equal(leads, config.LeadCount);
            Assert.Contains(target, config.ClassNames);
            Assert.True(info.Thresholds.ContainsKey(target), "no validation threshold recorded for " + target);
            using JsonDocument beside = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "config.json")));
            using JsonDocument inside = JsonDocument.Parse(metadata[Checkpoint.ConfigKey]);
            Assert.Equal(inside.RootElement.GetRawText(), JsonSerializer.Serialize(beside.RootElement));
            string card = File.ReadAllText(Path.Combine(folder, "README.md"));
            Assert.Contains("ecgxai train", card);
            Assert.Contains("AUROC", card);
        }
    }

    [Theory]
    [MemberData(nameof(Shipped))]
    public void PredictsProbabilitiesForASyntheticRecord(string name, int leads, string target)
    {
        var (model, _) = Checkpoint.Load(Path.Combine(SharedData.RepoRoot, "models", name, "model.safetensors"), CPU);
        using (model)
        {
            ResNet1dConfig config = model.Config;
            EcgRecord record = EcgSynthesizer.Generate(SynthesisSettings.Default, 3, 0, 10, "shipped-test").Record;
            var preprocessor = new Preprocessor(new PreprocessOptions(config.LeadNames, config.SampleRate, config.InputLength));
            float[] input = preprocessor.Process(record);
            using var noGrad = no_grad();
            using Tensor p = model.forward(tensor(input, [1, leads, config.InputLength])).sigmoid();
            float af = p[0, config.ClassNames.ToList().IndexOf(target)].item<float>();
            Assert.InRange(af, 0f, 1f);
        }
    }

    [SkippableFact]
    public void TheOneLeadStudentRanksRealAfAboveNormalCinC2017Records()
    {
        string root = SharedData.Require("data/cinc2017");
        var (model, info) = Checkpoint.Load(Path.Combine(SharedData.RepoRoot, "models", "cinc2017-af-lead1", "model.safetensors"), CPU);
        using (model)
        {
            ResNet1dConfig config = model.Config;
            using var cache = new TempDir();
            using PreparedDataset test = DatasetPreparer.Prepare("cinc2017:" + root + "@test", new PreprocessOptions(config.LeadNames, config.SampleRate, info.RecordLength ?? config.InputLength), config.ClassNames, cache.Path);
            float[] scores = RecordWindows.Score(test, config.InputLength, RecordWindows.DefaultStride(config.InputLength), 64, CPU, x => model.forward(x).sigmoid());
            int af = config.ClassNames.ToList().IndexOf("AF");
            var binary = BinaryScores.From(
                Auroc.Column(scores, config.ClassCount, af),
                Enumerable.Range(0, test.Count).Select(i => test.Label(i, af)).ToArray());
            Assert.True(Auroc.Compute(binary) > 0.9, "the shipped one-lead student does not separate AF on the CinC-2017 test split");
        }
    }
}
