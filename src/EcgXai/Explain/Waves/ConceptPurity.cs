using EcgXai.Synthesis;

namespace EcgXai.Explain.Waves;

/// <summary>
/// Where a concept's positive relevance lies among the waves and leads, over its reference samples. Add each reference's
/// relevance <c>[leads × samples]</c> with that record's wave labels (ground truth or delineated); then
/// <see cref="WaveShare"/> is the share of positive relevance per wave class, <see cref="LeadShare"/> per lead, and
/// <see cref="Purity"/> = 1 − H(q) / log K, where q is the relevance density per class (its share of relevance divided by its
/// share of samples, renormalised) over the K classes present: 1 when all relevance lies in one wave class, 0 when
/// relevance is spread evenly over time (so long baseline segments do not count as "purer" than short QRS complexes).
/// Pure arithmetic, associative: accumulators of shards merge with <see cref="Add(ConceptPurity)"/>.
/// </summary>
public sealed class ConceptPurity
{
    private static readonly int ClassCount = Enum.GetValues<WaveLabel>().Length;
    private readonly double[] mass = new double[ClassCount];
    private readonly long[] samples = new long[ClassCount];
    private readonly double[] leadMass;

    /// <summary>An empty accumulator for relevance of <paramref name="leads"/> leads.</summary>
    public ConceptPurity(int leads) => leadMass = new double[leads];

    /// <summary>Number of references added.</summary>
    public int References { get; private set; }

    /// <summary>Adds one reference: relevance <c>[lead * labels.Count + t]</c> and the wave label of every sample.</summary>
    public void Add(ReadOnlySpan<float> relevance, IReadOnlyList<WaveLabel> labels)
    {
        int n = labels.Count;
        if (relevance.Length != leadMass.Length * n)
        {
            throw new ArgumentException($"relevance holds {relevance.Length} values, expected {leadMass.Length} leads x {n} samples");
        }
        for (int t = 0; t < n; t++)
        {
            samples[(int)labels[t]]++;
        }
        for (int lead = 0; lead < leadMass.Length; lead++)
        {
            ReadOnlySpan<float> row = relevance.Slice(lead * n, n);
            for (int t = 0; t < n; t++)
            {
                if (row[t] > 0)
                {
                    mass[(int)labels[t]] += row[t];
                    leadMass[lead] += row[t];
                }
            }
        }
        References++;
    }

    /// <summary>Merges another accumulator (of the same concept, another shard) into this one.</summary>
    public void Add(ConceptPurity other)
    {
        if (other.leadMass.Length != leadMass.Length)
        {
            throw new ArgumentException($"lead counts differ ({other.leadMass.Length} and {leadMass.Length})");
        }
        for (int c = 0; c < ClassCount; c++)
        {
            mass[c] += other.mass[c];
            samples[c] += other.samples[c];
        }
        for (int l = 0; l < leadMass.Length; l++)
        {
            leadMass[l] += other.leadMass[l];
        }
        References += other.References;
    }

    /// <summary>Share of positive relevance per wave class (classes without samples omitted; all 0 without positive relevance).</summary>
    public IReadOnlyDictionary<WaveLabel, double> WaveShare
    {
        get
        {
            double total = mass.Sum();
            return Enum.GetValues<WaveLabel>().Where(l => samples[(int)l] > 0).ToDictionary(l => l, l => total > 0 ? mass[(int)l] / total : 0);
        }
    }

    /// <summary>Share of positive relevance per lead.</summary>
    public IReadOnlyList<double> LeadShare
    {
        get
        {
            double total = leadMass.Sum();
            return leadMass.Select(m => total > 0 ? m / total : 0).ToArray();
        }
    }

    /// <summary>1 − normalised entropy of the relevance density over the wave classes present; NaN without positive relevance or with one class.</summary>
    public double Purity
    {
        get
        {
            int[] present = Enumerable.Range(0, ClassCount).Where(c => samples[c] > 0).ToArray();
            double[] density = present.Select(c => mass[c] / samples[c]).ToArray();
            double total = density.Sum();
            if (!(total > 0) || present.Length < 2)
            {
                return double.NaN;
            }
            double entropy = density.Select(d => d / total).Where(q => q > 0).Sum(q => -q * Math.Log(q));
            return 1 - (entropy / Math.Log(present.Length));
        }
    }
}
