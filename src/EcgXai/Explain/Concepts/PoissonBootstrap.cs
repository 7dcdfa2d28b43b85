using System.Text;

namespace EcgXai.Explain.Concepts;

/// <summary>
/// The online (Poisson) bootstrap over records: in replicate r a record counts w_r times, w_r ~ Poisson(1), drawn from a
/// generator seeded by the seed, the dataset and the record id alone. So a record has the same weights in every shard
/// and batch order, replicate sums are associative, and one pass gives the bootstrap (Hanley and MacGibbon 2006;
/// Chamandy et al. 2012); for more than a few dozen records it matches the multinomial bootstrap.
/// </summary>
/// <param name="Replicates">Number of bootstrap replicates.</param>
/// <param name="Seed">Seed shared by all shards.</param>
public sealed record PoissonBootstrap(int Replicates, ulong Seed)
{
    /// <summary>Writes the weights of record <paramref name="recordId"/> of <paramref name="dataset"/> into <paramref name="weights"/> (length <see cref="Replicates"/>).</summary>
    public void Weights(string dataset, string recordId, Span<int> weights)
    {
        if (weights.Length != Replicates)
        {
            throw new ArgumentException($"expected room for {Replicates} weights, got {weights.Length}");
        }
        ulong state = Seed ^ Fnv1a(dataset) ^ RotateLeft(Fnv1a(recordId), 29);
        for (int r = 0; r < weights.Length; r++)
        {
            weights[r] = Poisson1(NextUniform(ref state));
        }
    }

    /// <summary>Inverse CDF of Poisson(1) at <paramref name="u"/> in [0, 1).</summary>
    private static int Poisson1(double u)
    {
        double p = Math.Exp(-1), cdf = p;
        int k = 0;
        while (u >= cdf && k < 30)
        {
            k++;
            p /= k;
            cdf += p;
        }
        return k;
    }

    /// <summary>SplitMix64 step mapped to [0, 1).</summary>
    private static double NextUniform(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        ulong z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }

    private static ulong Fnv1a(string text)
    {
        ulong hash = 0xCBF29CE484222325UL;
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 0x100000001B3UL;
        }
        return hash;
    }

    private static ulong RotateLeft(ulong x, int bits) => (x << bits) | (x >> (64 - bits));
}
