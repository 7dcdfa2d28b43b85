using EcgXai.Explain.Concepts;

namespace EcgXai.Tests.Explain.Concepts;

public class TopKListTests
{
    [Fact]
    public void ShardedListsMergeToTheBruteForceSort()
    {
        var rng = new Random(11);
        // Values from a small set, so many ties are broken by record id and dataset.
        ReferenceEntry[] all = Enumerable.Range(0, 500)
            .Select(i => new ReferenceEntry($"r{rng.Next(1000):D4}-{i}", i % 2 == 0 ? "ptbxl" : "cpsc", rng.Next(20) * 0.5, rng.Next(64)))
            .ToArray();
        ReferenceEntry[] expected = all.OrderByDescending(e => e.Value).ThenBy(e => e.RecordId, StringComparer.Ordinal)
            .ThenBy(e => e.Dataset, StringComparer.Ordinal).Take(40).ToArray();

        var parts = Enumerable.Range(0, 3).Select(_ => new TopKList(40)).ToArray();
        foreach ((ReferenceEntry e, int i) in all.Select((e, i) => (e, i)).OrderBy(_ => rng.Next()))
        {
            parts[i % 3].Offer(e);
        }
        parts[2].Merge(parts[0]);
        parts[2].Merge(parts[1]);

        Assert.Equal(expected, parts[2].Entries);
        var whole = new TopKList(40);
        foreach (ReferenceEntry e in all)
        {
            whole.Offer(e);
        }
        Assert.Equal(expected, whole.Entries);
    }

    [Fact]
    public void TiesAreBrokenByRecordIdThenDataset()
    {
        var list = new TopKList(3);
        list.Offer(new ReferenceEntry("b", "x", 1, 0));
        list.Offer(new ReferenceEntry("a", "y", 1, 0));
        list.Offer(new ReferenceEntry("a", "x", 1, 0));
        list.Offer(new ReferenceEntry("c", "x", 2, 5));
        Assert.Equal([("c", "x"), ("a", "x"), ("a", "y")], list.Entries.Select(e => (e.RecordId, e.Dataset)));
        Assert.False(list.Admits(1, "b", "x"));
        Assert.True(list.Admits(1, "a", "w"));
    }

    [Fact]
    public void BadInputIsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TopKList(0));
        var list = new TopKList(2);
        Assert.Throws<ArgumentException>(() => list.Offer(new ReferenceEntry("a", "x", double.NaN, 0)));
        list.Offer(new ReferenceEntry("a", "x", 1, 0));
        Assert.Throws<ArgumentException>(() => list.Offer(new ReferenceEntry("a", "x", 1, 0)));
        Assert.Throws<ArgumentException>(() => list.Merge(new TopKList(3)));
    }
}
