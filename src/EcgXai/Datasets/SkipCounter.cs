using System.Collections.Concurrent;
using EcgXai.IO;

namespace EcgXai.Datasets;

/// <summary>Thread-safe counts of left-out records (or unmapped codes) by reason, with the records named where known.</summary>
public sealed class SkipCounter
{
    private readonly ConcurrentDictionary<string, int> counts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<SkippedRecord> records = new();

    /// <summary>Adds <paramref name="count"/> to <paramref name="reason"/>.</summary>
    public void Add(string reason, int count = 1) => counts.AddOrUpdate(reason, count, (_, c) => c + count);

    /// <summary>Counts <paramref name="record"/> under its reason and keeps it by name.</summary>
    public void Add(SkippedRecord record)
    {
        Add(record.Reason);
        records.Enqueue(record);
    }

    /// <summary>Counts and names the record <paramref name="id"/> refused by <paramref name="error"/>.</summary>
    public void Add(string id, InvalidRecordException error) => Add(new SkippedRecord(id, error.Path, error.Reason, error.Problem));

    /// <summary>Adds every count of <paramref name="other"/>.</summary>
    public void AddAll(IReadOnlyDictionary<string, int> other)
    {
        foreach ((string reason, int count) in other)
        {
            Add(reason, count);
        }
    }

    /// <summary>Adds every count and named record of <paramref name="counts"/> and <paramref name="named"/> (the named ones are already counted in <paramref name="counts"/>).</summary>
    public void AddAll(IReadOnlyDictionary<string, int> counts, IEnumerable<SkippedRecord> named)
    {
        AddAll(counts);
        foreach (SkippedRecord record in named)
        {
            records.Enqueue(record);
        }
    }

    /// <summary>A snapshot sorted by reason.</summary>
    public IReadOnlyDictionary<string, int> ToDictionary() =>
        new SortedDictionary<string, int>(counts, StringComparer.Ordinal);

    /// <summary>The named records, sorted by id, then file.</summary>
    public IReadOnlyList<SkippedRecord> Records() =>
        records.OrderBy(r => r.Id, StringComparer.Ordinal).ThenBy(r => r.File, StringComparer.Ordinal).ToArray();
}
