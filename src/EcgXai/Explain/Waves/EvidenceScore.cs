namespace EcgXai.Explain.Waves;

/// <summary>
/// How well one explanation finds a planted cue, given relevance and the cue's region over the same (lead, sample) cells:
/// relevance mass accuracy (share of positive relevance inside the region), relevance rank accuracy (share of the K cells
/// of highest relevance that lie inside, K = region size) and the pointing game (the cell of highest relevance lies inside;
/// with ties, the share of the tied top cells inside, so that an explanation equal across leads is not scored by which
/// lead happens to come first).
/// The measures of Arras, Osman and Samek (CLEVR-XAI, 2022), on ECG cells.
/// </summary>
/// <param name="MassAccuracy">Positive relevance inside / all positive relevance (0 without positive relevance).</param>
/// <param name="RankAccuracy">Share of the top-K cells inside the region.</param>
/// <param name="Pointing">1 when the top cell is inside the region, 0 when outside; the share inside for tied top cells.</param>
/// <param name="RegionShare">Share of all cells in the region (what a random explanation scores on mass accuracy).</param>
public sealed record EvidenceScore(double MassAccuracy, double RankAccuracy, double Pointing, double RegionShare)
{
    /// <summary>Scores <paramref name="relevance"/> against <paramref name="region"/> (same length, at least one cell inside).</summary>
    public static EvidenceScore Measure(ReadOnlySpan<float> relevance, ReadOnlySpan<bool> region)
    {
        if (relevance.Length != region.Length)
        {
            throw new ArgumentException($"relevance has {relevance.Length} cells, the region {region.Length}");
        }
        int k = 0;
        double inside = 0, total = 0;
        int top = 0;
        for (int i = 0; i < relevance.Length; i++)
        {
            k += region[i] ? 1 : 0;
            float r = relevance[i];
            if (r > 0)
            {
                total += r;
                inside += region[i] ? r : 0;
            }
            if (r > relevance[top])
            {
                top = i;
            }
        }
        if (k == 0)
        {
            throw new ArgumentException("the region is empty: only records with a planted cue can be scored");
        }
        int[] order = Enumerable.Range(0, relevance.Length).ToArray();
        float[] keys = relevance.ToArray();
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = -keys[i];
        }
        Array.Sort(keys, order);
        int hits = 0;
        for (int i = 0; i < k; i++)
        {
            hits += region[order[i]] ? 1 : 0;
        }
        int tied = 0, tiedInside = 0;
        for (int i = 0; i < relevance.Length; i++)
        {
            if (relevance[i] == relevance[top])
            {
                tied++;
                tiedInside += region[i] ? 1 : 0;
            }
        }
        return new EvidenceScore(total > 0 ? inside / total : 0, hits / (double)k, tiedInside / (double)tied, k / (double)relevance.Length);
    }
}
