namespace EcgXai.Demo;

/// <summary>Settings of the end-to-end demo on built-in synthetic data.</summary>
/// <param name="OutDirectory">Run folder; an interrupted demo resumes from what it already wrote there.</param>
public sealed record DemoOptions(string OutDirectory)
{
    /// <summary>Seed of data generation, splits and training.</summary>
    public int Seed { get; init; } = 7;

    /// <summary>Records of the synthetic PTB-XL-layout training set (folds 1–8 train, 9 val, 10 test).</summary>
    public int TrainRecords { get; init; } = 2400;

    /// <summary>Records of the synthetic CPSC-layout out-of-distribution ("shift") set.</summary>
    public int ShiftRecords { get; init; } = 600;

    /// <summary>Maximum training epochs of teacher and student (early stopping may end sooner).</summary>
    public int Epochs { get; init; } = 6;

    /// <summary>Mini-batch size.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Device name ("auto", "cpu", "cuda").</summary>
    public string? Device { get; init; }

    /// <summary>Synthesis preset of the training set (the shift set always uses "shift").</summary>
    public string Preset { get; init; } = "hard";

    /// <summary>Model preset of the teacher ("compact" or "ribeiro"); the student is always compact.</summary>
    public string Teacher { get; init; } = "compact";

    /// <summary>The smallest demo that still runs every stage and writes every output (tests and CI): 120 + 30 records, one epoch.</summary>
    public static DemoOptions Quick(string outDirectory) => new(outDirectory) { TrainRecords = 120, ShiftRecords = 30, Epochs = 1, BatchSize = 16 };

    /// <summary>The larger demo: more records and epochs.</summary>
    public static DemoOptions Full(string outDirectory) => new(outDirectory) { TrainRecords = 8000, ShiftRecords = 2000, Epochs = 15 };

    /// <summary>Throws <see cref="ArgumentException"/> for settings the demo cannot run with.</summary>
    public void Validate()
    {
        if (TrainRecords < 100 || ShiftRecords < 20)
        {
            throw new ArgumentException($"the demo needs at least 100 training and 20 shift records, got {TrainRecords} and {ShiftRecords}");
        }
        if (Epochs < 1 || BatchSize < 1)
        {
            throw new ArgumentException("epochs and batch size must be positive");
        }
        Synthesis.SynthesisSettings.FromPreset(Preset);
        Models.ResNet1dConfig.FromPreset(Teacher);
    }
}
