using EcgXai.Signals;

namespace EcgXai.Datasets;

/// <summary>
/// Several <see cref="PreparedDataset"/>s of identical leads, length, rate and classes seen as one, rows in part order.
/// Disposing it disposes the parts.
/// </summary>
public sealed class ConcatenatedDataset : PreparedDataset
{
    private readonly IReadOnlyList<PreparedDataset> parts;
    private readonly int[] starts;

    /// <summary>Joins <paramref name="parts"/>; throws <see cref="ArgumentException"/> when their shapes or classes differ.</summary>
    public ConcatenatedDataset(IReadOnlyList<PreparedDataset> parts)
    {
        if (parts.Count == 0)
        {
            throw new ArgumentException("nothing to concatenate", nameof(parts));
        }
        PreparedDataset first = parts[0];
        foreach (PreparedDataset part in parts)
        {
            if (part.Length != first.Length || part.SampleRate != first.SampleRate || !part.LeadNames.SequenceEqual(first.LeadNames) || !part.ClassNames.SequenceEqual(first.ClassNames))
            {
                throw new ArgumentException($"{part.Name} ({part.LeadCount} leads x {part.Length} at {part.SampleRate} Hz) does not match {first.Name} ({first.LeadCount} leads x {first.Length} at {first.SampleRate} Hz) or their classes differ");
            }
        }
        this.parts = parts;
        starts = new int[parts.Count + 1];
        for (int i = 0; i < parts.Count; i++)
        {
            starts[i + 1] = starts[i] + parts[i].Count;
        }
        Name = string.Join("+", parts.Select(p => p.Name));
        RecordIds = parts.SelectMany(p => p.RecordIds).ToArray();
        PatientIds = parts.SelectMany(p => p.PatientIds).ToArray();
        Ages = parts.SelectMany(p => p.Ages).ToArray();
        Sexes = parts.SelectMany(p => p.Sexes).ToArray();
        SkippedByReason = Sum(parts.Select(p => p.SkippedByReason));
        UnmappedCodeCounts = Sum(parts.Select(p => p.UnmappedCodeCounts));
        UnknownCodeCounts = Sum(parts.Select(p => p.UnknownCodeCounts));
        SkippedRecords = parts.SelectMany(p => p.SkippedRecords).ToArray();
        Warnings = parts.SelectMany(p => p.Warnings).ToArray();
        UnreadableClasses = first.ClassNames.Where(c => parts.Any(p => p.UnreadableClasses.Contains(c))).ToArray();
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
    public override IReadOnlyList<string> LeadNames => parts[0].LeadNames;

    /// <inheritdoc />
    public override IReadOnlyList<string> ClassNames => parts[0].ClassNames;

    /// <inheritdoc />
    public override double SampleRate => parts[0].SampleRate;

    /// <inheritdoc />
    public override int Length => parts[0].Length;

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, int> SkippedByReason { get; }

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, int> UnmappedCodeCounts { get; }

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, int> UnknownCodeCounts { get; }

    /// <inheritdoc />
    public override IReadOnlyList<SkippedRecord> SkippedRecords { get; }

    /// <inheritdoc />
    public override IReadOnlyList<string> Warnings { get; }

    /// <inheritdoc />
    public override IReadOnlyList<string> UnreadableClasses { get; }

    /// <inheritdoc />
    public override ReadOnlySpan<float> Signal(int index)
    {
        int part = Part(index);
        return parts[part].Signal(index - starts[part]);
    }

    /// <inheritdoc />
    public override float Label(int index, int classIndex)
    {
        int part = Part(index);
        return parts[part].Label(index - starts[part], classIndex);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (PreparedDataset part in parts)
            {
                part.Dispose();
            }
        }
    }

    private int Part(int index)
    {
        if ((uint)index >= (uint)starts[^1])
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }
        int found = Array.BinarySearch(starts, index);
        int part = found >= 0 ? found : ~found - 1;
        while (starts[part + 1] <= index)
        {
            part++; // skips empty parts, whose start equals the next one's
        }
        return part;
    }

    private static Dictionary<string, int> Sum(IEnumerable<IReadOnlyDictionary<string, int>> counts)
    {
        var total = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, value) in counts.SelectMany(c => c))
        {
            total[key] = total.GetValueOrDefault(key) + value;
        }
        return total;
    }
}
