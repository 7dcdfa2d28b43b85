using EcgXai.Explain.Faithfulness;
using EcgXai.Models;
using EcgXai.Synthesis;
using EcgXai.Synthesis.Evidence;
using EcgXai.Tests.Support;
using EcgXai.Training;

namespace EcgXai.Tests.Explain.Faithfulness;

public class SyntheticEcgSrgTests
{
    /// <summary>
    /// A small ResNet trained on synthetic 12-lead ECGs whose label is a widened QRS (the generator's planted evidence):
    /// flipping its inputs in the order of their LRP relevance must beat a random order, whose SRG must cover 0.
    /// </summary>
    [Fact]
    public void OnAModelTrainedOnSyntheticEcgsTheTrueOrderBeatsARandomOneWhichScoresZero()
    {
        using var dir = new TempDir();
        string data = Path.Combine(dir.Path, "evidence");
        SyntheticDatasetWriter.Write(new SyntheticDatasetOptions(data, SyntheticLayout.PtbXl, 240, 5, SynthesisSettings.Default) { Evidence = EvidenceKind.QrsWide });
        ResNet1dConfig config = ResNet1dConfig.Compact with
        {
            Filters = [8, 12, 16],
            Lengths = [1024, 128, 32],
            KernelSize = 9,
            ClassNames = [EvidenceKinds.Label(EvidenceKind.QrsWide)],
        };
        string cache = Path.Combine(dir.Path, "cache");
        var training = new TrainingOptions { Epochs = 4, BatchSize = 16, LearningRate = 3e-3, Seed = 3, Device = "cpu" };
        TrainingResult model = TrainingPipeline.Run(new TrainingJob([$"ptbxl:{data}"], config, Path.Combine(dir.Path, "run"), training) { CacheDirectory = cache });
        Assert.True(model.BestValidationMacroAuroc > 0.9, $"the model did not learn the planted cue (validation AUROC {model.BestValidationMacroAuroc:F3})");

        SrgReport report = Srg.Run(new SrgOptions(model.BestModelPath, $"ptbxl:{data}@test", Path.Combine(dir.Path, "run"))
        {
            Variants = ["epsilon_plus_flat/gradient"],
            Settings = new SrgSettings { Steps = 8, BootstrapResamples = 400, Seed = 2 },
            Device = "cpu",
            CacheDirectory = cache,
        });

        SrgSummary lrp = report.Summaries.Single(s => s.Variant == "epsilon_plus_flat/gradient" && s.Place == "input");
        SrgSummary random = report.Summaries.Single(s => s.Variant == "random" && s.Place == "input");
        Assert.True(lrp.Srg.Lower > random.Srg.Upper, $"LRP SRG {lrp.Srg}, random {random.Srg}");
        Assert.InRange(0, random.Srg.Lower, random.Srg.Upper);
    }
}
