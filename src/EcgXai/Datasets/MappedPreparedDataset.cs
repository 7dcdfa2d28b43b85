using EcgXai.IO;
using System.IO.MemoryMappedFiles;
using EcgXai.Signals;

namespace EcgXai.Datasets;

/// <summary>A <see cref="PreparedDataset"/> whose signals are a memory-mapped tensor cache file (read-only).</summary>
public sealed unsafe class MappedPreparedDataset : PreparedDataset
{
    private readonly TensorCacheIndex index;
    private readonly float[] labels;
    private readonly MemoryMappedFile? file;
    private readonly MemoryMappedViewAccessor? view;
    private readonly byte* pointer;
    private bool disposed;

    /// <summary>Maps <paramref name="signalPath"/>, which must hold exactly the rows <paramref name="index"/> describes.</summary>
    public MappedPreparedDataset(string signalPath, TensorCacheIndex index)
    {
        this.index = index;
        int classes = index.ClassNames.Count;
        labels = new float[index.RecordIds.Count * classes];
        for (int i = 0; i < index.Labels.Count; i++)
        {
            foreach (int c in index.Labels[i])
            {
                labels[i * classes + c] = 1;
            }
        }
        long expected = (long)index.RecordIds.Count * index.LeadNames.Count * index.Length * sizeof(float);
        long actual = new FileInfo(signalPath).Length;
        if (actual != expected)
        {
            throw new EcgXaiException(signalPath, $"tensor cache holds {actual} bytes, its index describes {expected}");
        }
        if (expected == 0)
        {
            return;
        }
        file = MemoryMappedFile.CreateFromFile(signalPath, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        view = file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        byte* p = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref p);
        pointer = p + view.PointerOffset;
    }

    /// <inheritdoc />
    public override string Name => index.Name;

    /// <inheritdoc />
    public override IReadOnlyList<string> RecordIds => index.RecordIds;

    /// <inheritdoc />
    public override IReadOnlyList<string> PatientIds => index.PatientIds;

    /// <inheritdoc />
    public override IReadOnlyList<double?> Ages => index.Ages;

    /// <inheritdoc />
    public override IReadOnlyList<Sex> Sexes => index.Sexes;

    /// <inheritdoc />
    public override IReadOnlyList<string> LeadNames => index.LeadNames;

    /// <inheritdoc />
    public override IReadOnlyList<string> ClassNames => index.ClassNames;

    /// <inheritdoc />
    public override double SampleRate => index.SampleRate;

    /// <inheritdoc />
    public override int Length => index.Length;

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, int> SkippedByReason => index.SkippedByReason;

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, int> UnmappedCodeCounts => index.UnmappedCodeCounts;

    /// <inheritdoc />
    public override IReadOnlyList<SkippedRecord> SkippedRecords => index.SkippedRecords;

    /// <inheritdoc />
    public override IReadOnlyList<string> Warnings => index.Warnings;

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, int> UnknownCodeCounts => index.UnknownCodeCounts;

    /// <inheritdoc />
    public override IReadOnlyList<string> UnreadableClasses => index.UnreadableClasses;

    /// <inheritdoc />
    public override ReadOnlySpan<float> Signal(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        int per = LeadCount * Length;
        return new ReadOnlySpan<float>(pointer + (long)index * per * sizeof(float), per);
    }

    /// <inheritdoc />
    public override float Label(int index, int classIndex) => labels[index * ClassNames.Count + classIndex];

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposed)
        {
            return;
        }
        disposed = true;
        if (view is not null)
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer();
            view.Dispose();
        }
        file?.Dispose();
        base.Dispose(disposing);
    }
}
