using EcgXai.Signals;

namespace EcgXai.Datasets;

/// <summary>
/// A preprocessed dataset ready for a model: <see cref="Count"/> records of <c>[LeadCount, Length]</c> float32
/// at <see cref="SampleRate"/>, with a multi-hot label matrix over <see cref="ClassNames"/> and per-record metadata.
/// Signals may live in memory or in a memory-mapped tensor cache; consumers only use the members below.
/// </summary>
public abstract class PreparedDataset : IDisposable
{
    /// <summary>Name of the dataset spec this came from (e.g. "ptbxl:/data/ptbxl@test").</summary>
    public abstract string Name { get; }

    /// <summary>Record identifiers, one per row.</summary>
    public abstract IReadOnlyList<string> RecordIds { get; }

    /// <summary>Patient identifiers (record id when the source has none), one per row.</summary>
    public abstract IReadOnlyList<string> PatientIds { get; }

    /// <summary>Age in years per row, null when unknown.</summary>
    public abstract IReadOnlyList<double?> Ages { get; }

    /// <summary>Sex per row.</summary>
    public abstract IReadOnlyList<Sex> Sexes { get; }

    /// <summary>Lead names of every row, in row order.</summary>
    public abstract IReadOnlyList<string> LeadNames { get; }

    /// <summary>Class names, the columns of <see cref="Label"/>.</summary>
    public abstract IReadOnlyList<string> ClassNames { get; }

    /// <summary>Sampling rate in Hz.</summary>
    public abstract double SampleRate { get; }

    /// <summary>Samples per lead.</summary>
    public abstract int Length { get; }

    /// <summary>Records that were left out while preparing, counted by reason ("missing-file", "missing-lead", ...).</summary>
    public virtual IReadOnlyDictionary<string, int> SkippedByReason { get; } = new Dictionary<string, int>();

    /// <summary>Source label codes outside the common label space, with the number of kept records carrying each.</summary>
    public virtual IReadOnlyDictionary<string, int> UnmappedCodeCounts { get; } = new Dictionary<string, int>();

    /// <summary>The left-out records of <see cref="SkippedByReason"/> that can be named (id, file, reason, problem).</summary>
    public virtual IReadOnlyList<SkippedRecord> SkippedRecords { get; } = [];

    /// <summary>Warnings about records kept anyway (a signal file longer than its header declares), each naming the file.</summary>
    public virtual IReadOnlyList<string> Warnings { get; } = [];

    /// <summary>Label codes the dataset's own code list does not define (CPSC <c>42</c>, CinC-2017 <c>Q</c>), with counts.</summary>
    public virtual IReadOnlyDictionary<string, int> UnknownCodeCounts { get; } = new Dictionary<string, int>();

    /// <summary>Classes of <see cref="ClassNames"/> the dataset's labels cannot express: their labels could not be read, so they must not be scored.</summary>
    public virtual IReadOnlyList<string> UnreadableClasses { get; } = [];

    /// <summary>Number of records.</summary>
    public int Count => RecordIds.Count;

    /// <summary>Number of leads.</summary>
    public int LeadCount => LeadNames.Count;

    /// <summary>The signal of row <paramref name="index"/>, <c>LeadCount * Length</c> floats, lead-major.</summary>
    public abstract ReadOnlySpan<float> Signal(int index);

    /// <summary>1 when row <paramref name="index"/> has class <paramref name="classIndex"/>, else 0.</summary>
    public abstract float Label(int index, int classIndex);

    /// <summary>Copies rows <paramref name="indices"/> into <paramref name="signals"/> (<c>[n, LeadCount, Length]</c>) and <paramref name="labels"/> (<c>[n, classes]</c>).</summary>
    public void CopyBatch(IReadOnlyList<int> indices, Span<float> signals, Span<float> labels)
    {
        int per = LeadCount * Length, classes = ClassNames.Count;
        for (int i = 0; i < indices.Count; i++)
        {
            Signal(indices[i]).CopyTo(signals.Slice(i * per, per));
            for (int c = 0; c < classes; c++)
            {
                labels[i * classes + c] = Label(indices[i], c);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases mapped memory or files.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}
