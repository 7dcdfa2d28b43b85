using EcgXai.Explain.Evidence;
using EcgXai.Models;
using EcgXai.Synthesis;
using EcgXai.Synthesis.Evidence;
using EcgXai.Training;

namespace EcgXai.Demo;

/// <summary>
/// The demo's planted-evidence check on one cue (<see cref="Kind"/>): a PTB-XL-layout set whose label depends only on
/// the cue, a compact model trained on it (<c>evidence/</c>), and every explanation variant scored against the cue's
/// region on its test fold (<see cref="GroundTruth"/>). Finished steps are reused.
/// </summary>
public static class EvidenceStage
{
    /// <summary>The planted cue: a wide QRS, a local cue every explanation can be scored on.</summary>
    public const EvidenceKind Kind = EvidenceKind.QrsWide;

    /// <summary>Runs the stage into <paramref name="root"/> and returns what its scores record.</summary>
    public static DemoEvidence Run(DemoOptions options, string root, string cache, IProgress<DemoProgress>? progress, CancellationToken cancellation)
    {
        string name = EvidenceKinds.Name(Kind);
        string data = "ptbxl:" + DemoPipeline.Synthesize(Path.Combine(root, "data", "synthetic-evidence-" + name), SyntheticLayout.PtbXl, options.EvidenceRecords, "default", options,
            progress, Kind);
        string folder = Path.Combine(root, "evidence");
        string scores = Path.Combine(folder, "explain", "groundtruth", "scores.csv");
        if (!File.Exists(scores))
        {
            var training = new TrainingOptions { Epochs = options.EvidenceEpochs, BatchSize = options.BatchSize, Seed = options.Seed, Device = options.Device };
            var job = new TrainingJob([data], ResNet1dConfig.Compact with { ClassNames = [EvidenceKinds.Label(Kind)] }, folder, training) { CacheDirectory = cache };
            TrainingResult model = DemoPipeline.Train(job, "evidence", progress, cancellation);
            var scoring = new GroundTruthOptions(model.BestModelPath, data + "@test", folder)
            {
                Variants = options.SrgVariants,
                Records = options.EvidenceScoredRecords,
                TopConcepts = 0,
                Seed = options.Seed,
                Device = options.Device,
                CacheDirectory = cache,
            };
            GroundTruthReport report = GroundTruth.Run(scoring, cancellation: cancellation);
            foreach (string line in report.FormatTable().Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                progress?.Report(new DemoProgress("evidence", line));
            }
        }
        return DemoEvidence.Read(scores, name);
    }
}
