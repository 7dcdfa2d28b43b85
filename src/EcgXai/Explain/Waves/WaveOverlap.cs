using EcgXai.Synthesis;

namespace EcgXai.Explain.Waves;

/// <summary>Sample counts of one wave class in two labellings of the same record, from which their Jaccard index follows.</summary>
/// <param name="Intersection">Samples both labellings give the class.</param>
/// <param name="Union">Samples either labelling gives the class.</param>
public readonly record struct WaveOverlap(long Intersection, long Union)
{
    /// <summary>Jaccard index |A ∩ B| / |A ∪ B| (1 when neither labelling has the class).</summary>
    public double Jaccard => Union == 0 ? 1 : Intersection / (double)Union;

    /// <summary>The sum of two overlaps (pooled over records).</summary>
    public static WaveOverlap operator +(WaveOverlap a, WaveOverlap b) => new(a.Intersection + b.Intersection, a.Union + b.Union);

    /// <summary>The overlap of every wave class between <paramref name="truth"/> and <paramref name="other"/> (same length).</summary>
    public static IReadOnlyDictionary<WaveLabel, WaveOverlap> Measure(IReadOnlyList<WaveLabel> truth, IReadOnlyList<WaveLabel> other)
    {
        if (truth.Count != other.Count)
        {
            throw new ArgumentException($"labellings differ in length ({truth.Count} and {other.Count} samples)");
        }
        var both = new long[256];
        var either = new long[256];
        for (int i = 0; i < truth.Count; i++)
        {
            byte a = (byte)truth[i], b = (byte)other[i];
            either[a]++;
            if (a == b)
            {
                both[a]++;
            }
            else
            {
                either[b]++;
            }
        }
        return Enum.GetValues<WaveLabel>().ToDictionary(l => l, l => new WaveOverlap(both[(byte)l], either[(byte)l]));
    }
}
