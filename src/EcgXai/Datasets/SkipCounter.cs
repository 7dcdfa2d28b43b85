using System.Collections.Concurrent;

namespace EcgXai.Datasets;

/// <summary>Thread-safe counts of left-out records (or unmapped codes) by reason.</summary>
public sealed class SkipCounter
{
    private readonly ConcurrentDictionary<string, int> counts = new(StringComparer.Ordinal);

    /// <summary>Adds <paramref name="count"/> to <paramref name="reason"/>.</summary>
    public void Add(string reason, int count = 1) => counts.AddOrUpdate(reason, count, (_, c) => c + count);

    /// <summary>Adds every count of <paramref name="other"/>.</summary>
    public void AddAll(IReadOnlyDictionary<string, int> other)
    {
        foreach ((string reason, int count) in other)
        {
            Add(reason, count);
        }
    }

    /// <summary>A snapshot sorted by reason.</summary>
    public IReadOnlyDictionary<string, int> ToDictionary() =>
        new SortedDictionary<string, int>(counts, StringComparer.Ordinal);
}
