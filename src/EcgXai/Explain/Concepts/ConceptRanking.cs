namespace EcgXai.Explain.Concepts;

/// <summary>Ranking of concepts by a value per channel, and the agreement of two rankings (Spearman, top-k overlap).</summary>
public static class ConceptRanking
{
    /// <summary>Channel indices by decreasing value, ties by channel index; NaN values last.</summary>
    public static IReadOnlyList<int> Order(IReadOnlyList<double> values) =>
        Enumerable.Range(0, values.Count).OrderBy(c => double.IsNaN(values[c])).ThenByDescending(c => values[c]).ThenBy(c => c).ToArray();

    /// <summary>Spearman's rank correlation of two value vectors (average ranks for ties; NaN when either is constant).</summary>
    public static double Spearman(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count != b.Count)
        {
            throw new ArgumentException($"cannot correlate {a.Count} values with {b.Count}");
        }
        double[] ra = AverageRanks(a), rb = AverageRanks(b);
        double ma = ra.Average(), mb = rb.Average();
        double cov = 0, va = 0, vb = 0;
        for (int i = 0; i < ra.Length; i++)
        {
            cov += (ra[i] - ma) * (rb[i] - mb);
            va += (ra[i] - ma) * (ra[i] - ma);
            vb += (rb[i] - mb) * (rb[i] - mb);
        }
        return va == 0 || vb == 0 ? double.NaN : cov / Math.Sqrt(va * vb);
    }

    /// <summary>Share of the first <paramref name="k"/> channels of ranking <paramref name="a"/> that are also in the first <paramref name="k"/> of <paramref name="b"/>.</summary>
    public static double TopOverlap(IReadOnlyList<int> a, IReadOnlyList<int> b, int k)
    {
        int n = Math.Min(k, Math.Min(a.Count, b.Count));
        return n == 0 ? double.NaN : (double)a.Take(n).Intersect(b.Take(n)).Count() / n;
    }

    /// <summary>Ranks 1..n of <paramref name="values"/> in increasing order, tied values sharing their average rank.</summary>
    public static double[] AverageRanks(IReadOnlyList<double> values)
    {
        int[] order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (int start = 0; start < order.Length;)
        {
            int end = start;
            while (end + 1 < order.Length && values[order[end + 1]].Equals(values[order[start]]))
            {
                end++;
            }
            double average = (start + end) / 2.0 + 1;
            for (int i = start; i <= end; i++)
            {
                ranks[order[i]] = average;
            }
            start = end + 1;
        }
        return ranks;
    }
}
