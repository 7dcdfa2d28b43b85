using System.Text.Json.Serialization;

namespace EcgXai.Explain.Concepts;

/// <summary>
/// A bounded list of the best <see cref="Capacity"/> references in <see cref="ReferenceEntry"/> order, kept during one
/// pass over the data. Offering every record once, in any order and split over any number of lists that are merged,
/// gives the first <see cref="Capacity"/> entries of the full sort.
/// </summary>
public sealed class TopKList
{
    private readonly List<ReferenceEntry> entries;

    /// <summary>An empty list keeping at most <paramref name="capacity"/> references.</summary>
    public TopKList(int capacity)
    {
        if (capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "top-k lists need k >= 1");
        }
        Capacity = capacity;
        entries = new List<ReferenceEntry>(capacity);
    }

    /// <summary>A list restored from saved entries (any order; the best <paramref name="capacity"/> are kept).</summary>
    [JsonConstructor]
    public TopKList(int capacity, IReadOnlyList<ReferenceEntry> entries) : this(capacity)
    {
        foreach (ReferenceEntry e in entries)
        {
            Offer(e);
        }
    }

    /// <summary>Maximum number of references kept.</summary>
    [JsonPropertyName("capacity")] public int Capacity { get; }

    /// <summary>The kept references, best first.</summary>
    [JsonPropertyName("entries")] public IReadOnlyList<ReferenceEntry> Entries => entries;

    /// <summary>True when a reference with these keys would be kept (call before building the entry).</summary>
    public bool Admits(double value, string recordId, string dataset) =>
        entries.Count < Capacity || entries[^1].IsBeatenBy(value, recordId, dataset);

    /// <summary>Keeps <paramref name="entry"/> when it is among the best <see cref="Capacity"/> so far.</summary>
    public void Offer(ReferenceEntry entry)
    {
        if (double.IsNaN(entry.Value))
        {
            throw new ArgumentException($"reference value of record {entry.RecordId} is NaN");
        }
        if (!Admits(entry.Value, entry.RecordId, entry.Dataset))
        {
            return;
        }
        int at = entries.BinarySearch(entry, ReferenceEntry.Order);
        if (at >= 0)
        {
            throw new ArgumentException($"record {entry.RecordId} of {entry.Dataset} was offered twice");
        }
        entries.Insert(~at, entry);
        if (entries.Count > Capacity)
        {
            entries.RemoveAt(entries.Count - 1);
        }
    }

    /// <summary>Adds the references of another list (same capacity) over disjoint records.</summary>
    public void Merge(TopKList other)
    {
        if (other.Capacity != Capacity)
        {
            throw new ArgumentException($"cannot merge a top-{other.Capacity} list into a top-{Capacity} list");
        }
        foreach (ReferenceEntry e in other.entries)
        {
            Offer(e);
        }
    }
}
