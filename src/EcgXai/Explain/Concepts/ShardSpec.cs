using System.Globalization;

namespace EcgXai.Explain.Concepts;

/// <summary>Shard <paramref name="Index"/> of <paramref name="Count"/>: the records at positions Index, Index + Count, Index + 2·Count, … of the selection.</summary>
/// <param name="Index">Zero-based shard index.</param>
/// <param name="Count">Number of shards.</param>
public sealed record ShardSpec(int Index, int Count)
{
    /// <summary>Parses <c>i/n</c> with 0 ≤ i &lt; n.</summary>
    public static ShardSpec Parse(string text)
    {
        string[] parts = text.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int i)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= 1 && i < n)
        {
            return new ShardSpec(i, n);
        }
        throw new ArgumentException($"a shard is i/n with 0 <= i < n (e.g. 0/4), got '{text}'");
    }

    /// <summary>The items of this shard, in their order.</summary>
    public IReadOnlyList<T> Select<T>(IReadOnlyList<T> items) => items.Where((_, position) => position % Count == Index).ToArray();

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
