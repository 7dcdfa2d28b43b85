namespace EcgXai.Synthesis;

/// <summary>
/// Deterministic pseudo-random numbers (xoshiro256**, seeded through SplitMix64 from a seed and a stream number),
/// identical on every platform and .NET version, so record <c>i</c> of seed <c>s</c> is the same whatever thread makes it.
/// </summary>
public sealed class SynthRandom
{
    private ulong s0;
    private ulong s1;
    private ulong s2;
    private ulong s3;

    /// <summary>Creates the generator of stream <paramref name="stream"/> (e.g. a record index) under <paramref name="seed"/>.</summary>
    public SynthRandom(ulong seed, ulong stream)
    {
        ulong x = seed ^ (stream * 0xD1B54A32D192ED03UL) ^ 0x6A09E667F3BCC909UL;
        s0 = SplitMix(ref x);
        s1 = SplitMix(ref x);
        s2 = SplitMix(ref x);
        s3 = SplitMix(ref x);
    }

    /// <summary>A uniformly distributed 64-bit value.</summary>
    public ulong NextUInt64()
    {
        ulong result = RotateLeft(s1 * 5, 7) * 9;
        ulong t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = RotateLeft(s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public double Uniform(double low, double high) => low + ((high - low) * NextDouble());

    /// <summary>Uniform integer in [0, <paramref name="count"/>).</summary>
    public int NextInt(int count) => (int)(NextDouble() * count);

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Bernoulli(double p) => NextDouble() < p;

    /// <summary>Standard normal value (Box–Muller).</summary>
    public double Normal()
    {
        double u1 = 1.0 - NextDouble();
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Normal value with the given mean and standard deviation, clamped to [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public double Normal(double mean, double sd, double min, double max) => Math.Clamp(mean + (sd * Normal()), min, max);

    /// <summary>An independent generator for a named sub-stream (e.g. one noise source), so adding draws elsewhere never shifts it.</summary>
    public SynthRandom Fork(ulong stream) => new(NextUInt64(), stream);

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        ulong z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
