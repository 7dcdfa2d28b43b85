namespace EcgXai.Explain.Faithfulness;

/// <summary>
/// The orders in which features are flipped: MIF (most influential first) sorts by relevance, descending, with a stable
/// sort (equal relevance keeps feature order); LIF (least influential first) is its exact reverse.
/// </summary>
public static class FlipOrder
{
    /// <summary>Feature indices by descending <paramref name="relevance"/>, ties in index order (NaN is refused).</summary>
    public static int[] MostInfluentialFirst(ReadOnlySpan<float> relevance)
    {
        var keys = new float[relevance.Length];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = float.IsNaN(relevance[i]) ? throw new ArgumentException($"relevance of feature {i} is NaN") : relevance[i];
        }
        // Enumerable.OrderByDescending is a stable sort.
        return Enumerable.Range(0, keys.Length).OrderByDescending(i => keys[i]).ToArray();
    }

    /// <summary>The exact reverse of <paramref name="order"/> (LIF from MIF).</summary>
    public static int[] Reversed(IReadOnlyList<int> order) => order.Reverse().ToArray();

    /// <summary>
    /// Rank of every feature in <paramref name="order"/>: <c>rank[order[i]] = i</c>, so the first <c>m</c> features of the
    /// order are those with rank below <c>m</c>. Throws unless <paramref name="order"/> is a permutation.
    /// </summary>
    public static int[] Ranks(IReadOnlyList<int> order)
    {
        var rank = new int[order.Count];
        Array.Fill(rank, -1);
        for (int i = 0; i < order.Count; i++)
        {
            int f = order[i];
            if (f < 0 || f >= rank.Length || rank[f] >= 0)
            {
                throw new ArgumentException($"order is not a permutation of 0..{order.Count - 1} (entry {i} is {f})");
            }
            rank[f] = i;
        }
        return rank;
    }
}
