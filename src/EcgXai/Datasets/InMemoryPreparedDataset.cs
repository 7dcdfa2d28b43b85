using EcgXai.Signals;

namespace EcgXai.Datasets;

/// <summary>A <see cref="PreparedDataset"/> held in arrays: <c>signals[N * leads * length]</c> and multi-hot <c>labels[N * classes]</c>.</summary>
public sealed class InMemoryPreparedDataset : PreparedDataset
{
    private readonly float[] signals;
    private readonly float[] labels;

    /// <summary>Builds a dataset from arrays; every per-record list must have one entry per record.</summary>
    /// <param name="name">Dataset name.</param>
    /// <param name="signals">Signals, <c>[N, leads, length]</c> flattened lead-major per record.</param>
    /// <param name="labels">Multi-hot labels, <c>[N, classes]</c> flattened.</param>
    /// <param name="recordIds">Record identifiers.</param>
    /// <param name="patientIds">Patient identifiers.</param>
    /// <param name="ages">Ages in years (null = unknown).</param>
    /// <param name="sexes">Sexes.</param>
    /// <param name="leadNames">Lead names of the rows of each record.</param>
    /// <param name="classNames">Class names, the label columns.</param>
    /// <param name="sampleRate">Sampling rate in Hz.</param>
    /// <param name="length">Samples per lead.</param>
    /// <param name="skippedByReason">Counts of records left out, by reason.</param>
    /// <param name="unmappedCodeCounts">Counts of source codes outside the label space.</param>
    public InMemoryPreparedDataset(
        string name,
        float[] signals,
        float[] labels,
        IReadOnlyList<string> recordIds,
        IReadOnlyList<string> patientIds,
        IReadOnlyList<double?> ages,
        IReadOnlyList<Sex> sexes,
        IReadOnlyList<string> leadNames,
        IReadOnlyList<string> classNames,
        double sampleRate,
        int length,
        IReadOnlyDictionary<string, int>? skippedByReason = null,
        IReadOnlyDictionary<string, int>? unmappedCodeCounts = null)
    {
        int n = recordIds.Count;
        if (signals.Length != (long)n * leadNames.Count * length)
        {
            throw new ArgumentException($"signals hold {signals.Length} values, expected {n} x {leadNames.Count} x {length}", nameof(signals));
        }
        if (labels.Length != n * classNames.Count)
        {
            throw new ArgumentException($"labels hold {labels.Length} values, expected {n} x {classNames.Count}", nameof(labels));
        }
        if (patientIds.Count != n || ages.Count != n || sexes.Count != n)
        {
            throw new ArgumentException($"patient ids, ages and sexes need {n} entries each");
        }
        this.signals = signals;
        this.labels = labels;
        Name = name;
        RecordIds = recordIds;
        PatientIds = patientIds;
        Ages = ages;
        Sexes = sexes;
        LeadNames = leadNames;
        ClassNames = classNames;
        SampleRate = sampleRate;
        Length = length;
        SkippedByReason = skippedByReason ?? new Dictionary<string, int>();
        UnmappedCodeCounts = unmappedCodeCounts ?? new Dictionary<string, int>();
    }

    /// <inheritdoc />
    public override string Name { get; }

    /// <inheritdoc />
    public override IReadOnlyList<string> RecordIds { get; }

    /// <inheritdoc />
    public override IReadOnlyList<string> PatientIds { get; }

    /// <inheritdoc />
    public override IReadOnlyList<double?> Ages { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Sex> Sexes { get; }

    /// <inheritdoc />
    public override IReadOnlyList<string> LeadNames { get; }

    /// <inheritdoc />
    public override IReadOnlyList<string> ClassNames { get; }

    /// <inheritdoc />
    public override double SampleRate { get; }

    /// <inheritdoc />
    public override int Length { get; }

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, int> SkippedByReason { get; }

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, int> UnmappedCodeCounts { get; }

    /// <inheritdoc />
    public override ReadOnlySpan<float> Signal(int index)
    {
        int per = LeadCount * Length;
        return signals.AsSpan((int)((long)index * per), per);
    }

    /// <inheritdoc />
    public override float Label(int index, int classIndex) => labels[index * ClassNames.Count + classIndex];
}
