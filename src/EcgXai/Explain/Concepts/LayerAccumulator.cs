using System.Text.Json.Serialization;

namespace EcgXai.Explain.Concepts;

/// <summary>
/// Everything one pass keeps about the concepts of one recorded node over the records of one dataset: moments of each
/// <see cref="ConceptMeasure"/>, bounded reference lists per <see cref="ReferenceKind"/>, and bootstrap sums of the
/// normalised relevance. Associative: accumulators of disjoint records merge to the one-pass result.
/// </summary>
public sealed class LayerAccumulator
{
    /// <summary>Stabiliser of the normalisation, as zennit-crp's <c>abs_norm</c>.</summary>
    public const double NormEpsilon = 1e-10;

    /// <summary>Empty accumulator for <paramref name="concepts"/> concepts of <paramref name="layer"/>.</summary>
    public LayerAccumulator(string layer, int concepts, int topK, IReadOnlyList<ReferenceKind> kinds, int replicates)
        : this(layer, concepts,
            Enum.GetValues<ConceptMeasure>().ToDictionary(m => m, _ => new ChannelMoments(concepts)),
            kinds.ToDictionary(k => k, _ => Enumerable.Range(0, concepts).Select(_ => new TopKList(topK)).ToArray()),
            replicates > 0 ? new BootstrapSums(replicates, concepts) : null)
    {
    }

    /// <summary>An accumulator restored from saved state.</summary>
    [JsonConstructor]
    public LayerAccumulator(string layer, int concepts, IReadOnlyDictionary<ConceptMeasure, ChannelMoments> moments,
        IReadOnlyDictionary<ReferenceKind, TopKList[]> references, BootstrapSums? bootstrap)
    {
        if (moments.Count != Enum.GetValues<ConceptMeasure>().Length || moments.Values.Any(m => m.Channels != concepts)
            || references.Values.Any(r => r.Length != concepts) || (bootstrap is not null && bootstrap.Channels != concepts))
        {
            throw new ArgumentException($"inconsistent accumulator state for {layer} ({concepts} concepts)");
        }
        Layer = layer;
        Concepts = concepts;
        Moments = moments;
        References = references;
        Bootstrap = bootstrap;
    }

    /// <summary>The node (or positions) whose concepts these are.</summary>
    [JsonPropertyName("layer")] public string Layer { get; }

    /// <summary>Number of concepts.</summary>
    [JsonPropertyName("concepts")] public int Concepts { get; }

    /// <summary>Moments of each measure.</summary>
    [JsonPropertyName("moments")] public IReadOnlyDictionary<ConceptMeasure, ChannelMoments> Moments { get; }

    /// <summary>Reference lists per kind, one per concept.</summary>
    [JsonPropertyName("references")] public IReadOnlyDictionary<ReferenceKind, TopKList[]> References { get; }

    /// <summary>Bootstrap sums of the normalised relevance, or null when not kept.</summary>
    [JsonPropertyName("bootstrap")] public BootstrapSums? Bootstrap { get; }

    /// <summary>Number of records added.</summary>
    [JsonIgnore] public long Count => Moments[ConceptMeasure.Relevance].Count;

    /// <summary>Adds row <paramref name="row"/> of <paramref name="batch"/>, the record <paramref name="recordId"/> of <paramref name="dataset"/>.</summary>
    public void Add(LayerBatch batch, int row, string dataset, string recordId, ReadOnlySpan<int> bootstrapWeights)
    {
        if (batch.Concepts != Concepts)
        {
            throw new ArgumentException($"{Layer} has {Concepts} concepts, the batch {batch.Concepts}");
        }
        int offset = row * Concepts;
        ReadOnlySpan<double> relevance = batch.RelevanceSum.AsSpan(offset, Concepts);
        var normalised = new double[Concepts];
        double total = NormEpsilon;
        foreach (double r in relevance)
        {
            total += Math.Abs(r);
        }
        for (int c = 0; c < Concepts; c++)
        {
            normalised[c] = relevance[c] / total;
        }
        Moments[ConceptMeasure.Relevance].Add(relevance);
        Moments[ConceptMeasure.NormalisedRelevance].Add(normalised);
        Moments[ConceptMeasure.ActivationMax].Add(batch.ActivationMax.AsSpan(offset, Concepts));
        Moments[ConceptMeasure.ActivationSum].Add(batch.ActivationSum.AsSpan(offset, Concepts));
        Bootstrap?.Add(bootstrapWeights, normalised);
        foreach ((ReferenceKind kind, TopKList[] lists) in References)
        {
            (double[] values, int[] peaks) = kind switch
            {
                ReferenceKind.RelevanceSum => (batch.RelevanceSum, batch.RelevancePeak),
                ReferenceKind.RelevanceMax => (batch.RelevanceMax, batch.RelevancePeak),
                ReferenceKind.ActivationSum => (batch.ActivationSum, batch.ActivationPeak),
                _ => (batch.ActivationMax, batch.ActivationPeak),
            };
            for (int c = 0; c < Concepts; c++)
            {
                double v = values[offset + c];
                if (lists[c].Admits(v, recordId, dataset))
                {
                    lists[c].Offer(new ReferenceEntry(recordId, dataset, v, peaks[offset + c]));
                }
            }
        }
    }

    /// <summary>Adds another accumulator of the same node over disjoint records.</summary>
    public void Merge(LayerAccumulator other)
    {
        if (other.Layer != Layer || other.Concepts != Concepts || !other.References.Keys.ToHashSet().SetEquals(References.Keys)
            || (other.Bootstrap is null) != (Bootstrap is null))
        {
            throw new ArgumentException($"cannot merge statistics of {other.Layer} ({other.Concepts} concepts) into {Layer} ({Concepts})");
        }
        foreach ((ConceptMeasure measure, ChannelMoments m) in Moments)
        {
            m.Merge(other.Moments[measure]);
        }
        foreach ((ReferenceKind kind, TopKList[] lists) in References)
        {
            for (int c = 0; c < Concepts; c++)
            {
                lists[c].Merge(other.References[kind][c]);
            }
        }
        if (other.Bootstrap is not null)
        {
            Bootstrap!.Merge(other.Bootstrap);
        }
    }

    /// <summary>A deep copy (merging into it leaves this accumulator unchanged).</summary>
    public LayerAccumulator Copy()
    {
        var copy = new LayerAccumulator(Layer, Concepts, References.Values.FirstOrDefault()?.FirstOrDefault()?.Capacity ?? 1, References.Keys.ToArray(), Bootstrap?.Replicates ?? 0);
        copy.Merge(this);
        return copy;
    }
}
