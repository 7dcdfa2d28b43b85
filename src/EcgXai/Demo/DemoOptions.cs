using EcgXai.Models;
using EcgXai.Explain.Faithfulness;
using EcgXai.Synthesis;
namespace EcgXai.Demo;

/// <summary>Settings of the end-to-end demo on built-in synthetic data.</summary>
/// <param name="OutDirectory">Run folder; an interrupted demo resumes from what it already wrote there.</param>
public sealed record DemoOptions(string OutDirectory)
{
    /// <summary>Seed of data generation, splits and training.</summary>
    public int Seed { get; init; } = 7;

    /// <summary>Records of the synthetic PTB-XL-layout training set (folds 1–8 train, 9 val, 10 test).</summary>
    public int TrainRecords { get; init; } = 1600;

    /// <summary>Records of the synthetic CPSC-layout out-of-distribution ("shift") set.</summary>
    public int ShiftRecords { get; init; } = 400;

    /// <summary>Maximum training epochs of teacher and student (early stopping may end sooner).</summary>
    public int Epochs { get; init; } = 5;

    /// <summary>
    /// Baseline high-pass (Hz) in front of teacher and student, stored in both models (null: none). 0.5 Hz removes the
    /// hard preset's baseline wander and motion artefacts: without it a compact model trained for 4 epochs on 1,600
    /// records reached validation macro AUROC 0.83 and AF 0.64, with it 0.92 and 0.85 (docs/experiments.md).
    /// </summary>
    public double? HighPassHz { get; init; } = 0.5;

    /// <summary>Mini-batch size.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Device name ("auto", "cpu", "cuda").</summary>
    public string? Device { get; init; }

    /// <summary>Synthesis preset of the training set (the shift set always uses "shift").</summary>
    public string Preset { get; init; } = "hard";

    /// <summary>Model preset of the teacher ("compact" or "ribeiro"); the student is always compact.</summary>
    public string Teacher { get; init; } = "compact";

    /// <summary>SRG variants compared (<see cref="ExplanationVariant.Parse"/>; gradient × input and random are always added).</summary>
    public IReadOnlyList<string> SrgVariants { get; init; } = ["epsilon_plus_flat"];

    /// <summary>Layers of the student flipped besides the input (the last is the classifier input, flipped by position).</summary>
    public IReadOnlyList<string> SrgLayers { get; init; } = ["blocks.1.out", "blocks.3.out", "blocks.4.out"];

    /// <summary>Records of the shift set flipped by SRG.</summary>
    public int SrgRecords { get; init; } = 32;

    /// <summary>SRG flipping steps.</summary>
    public int SrgSteps { get; init; } = 8;

    /// <summary>Classifier-input units kept by the pruning stage (null = all).</summary>
    public IReadOnlyList<int?> PruneKeep { get; init; } = PruneOptions.DefaultKeep;

    /// <summary>Random unit orders drawn at each count by the pruning stage.</summary>
    public int PruneDraws { get; init; } = 10;

    /// <summary>Records of the planted-evidence set (<see cref="EvidenceStage"/>).</summary>
    public int EvidenceRecords { get; init; } = 400;

    /// <summary>Training epochs of the planted-evidence model.</summary>
    public int EvidenceEpochs { get; init; } = 3;

    /// <summary>Positive test records scored against the planted cue.</summary>
    public int EvidenceScoredRecords { get; init; } = 32;

    /// <summary>The shared data folder (<c>../shared/data</c>) for the real-data demo (<see cref="RealDemo"/>), or null for the synthetic demo.</summary>
    public string? RealData { get; init; }

    /// <summary>The model the real-data demo explains.</summary>
    public string RealModel { get; init; } = Path.Combine("models", "ptbxl-af-12lead", "model.safetensors");

    /// <summary>
    /// The real-data demo: the shipped 12-lead student on the real records under <paramref name="sharedData"/>, SRG at the
    /// input and at the last three blocks of its four.
    /// </summary>
    public static DemoOptions Real(string outDirectory, string sharedData) => new(outDirectory)
    {
        RealData = sharedData,
        SrgLayers = ["blocks.1.out", "blocks.2.out", "blocks.3.out"],
    };

    /// <summary>
    /// The smallest demo that still runs every stage and writes every output (tests and CI): 120 + 30 records, one epoch;
    /// SRG of one variant on 16 records at the input and the classifier input in 4 steps; pruning to 1, 25 and all units with 2 random draws.
    /// </summary>
    public static DemoOptions Quick(string outDirectory) => new(outDirectory)
    {
        TrainRecords = 120,
        ShiftRecords = 30,
        Epochs = 1,
        BatchSize = 16,
        SrgVariants = ["epsilon_plus_flat/gradient"],
        SrgLayers = ["blocks.4.out"],
        SrgRecords = 16,
        SrgSteps = 4,
        PruneKeep = [1, 25, null],
        PruneDraws = 2,
        EvidenceRecords = 100,
        EvidenceEpochs = 1,
        EvidenceScoredRecords = 8,
    };

    /// <summary>The larger demo: more records and epochs, SRG of every composite under every bn2 policy on 200 records.</summary>
    public static DemoOptions Full(string outDirectory) => new(outDirectory) { TrainRecords = 8000, ShiftRecords = 2000, Epochs = 15, SrgVariants = ["all"], SrgRecords = 200, SrgSteps = 16 };

    /// <summary>Throws <see cref="ArgumentException"/> for settings the demo cannot run with.</summary>
    public void Validate()
    {
        if (TrainRecords < 100 || ShiftRecords < 20)
        {
            throw new ArgumentException($"the demo needs at least 100 training and 20 shift records, got {TrainRecords} and {ShiftRecords}");
        }
        if (Epochs < 1 || BatchSize < 1 || SrgRecords < 1 || SrgSteps < 1 || PruneDraws < 1 || EvidenceRecords < 50 || EvidenceEpochs < 1 || EvidenceScoredRecords < 1)
        {
            throw new ArgumentException("epochs, batch size, SRG records and steps, pruning draws and the planted-evidence settings must be positive (at least 50 evidence records)");
        }
        ExplanationVariant.Parse(SrgVariants);
        SynthesisSettings.FromPreset(Preset);
        ResNet1dConfig.FromPreset(Teacher);
    }
}
