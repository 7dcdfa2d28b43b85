using EcgXai.Datasets;
using EcgXai.IO;
using static TorchSharp.torch;

namespace EcgXai.Explain.Faithfulness;

/// <summary>
/// Mean relevance of every classifier-input position for one target over that target's positive records, and the
/// orders pruning keeps units in: most relevant first, least relevant first (its reverse), and seeded random orders.
/// </summary>
/// <param name="Channels">Channels of the classifier input.</param>
/// <param name="Length">Time positions per channel.</param>
/// <param name="Target">The explained class.</param>
/// <param name="Records">Positive records the means are over.</param>
/// <param name="MeanRelevance">Mean relevance per position, index <c>c·Length + t</c>.</param>
public sealed record PruningRanking(int Channels, int Length, string Target, int Records, IReadOnlyList<double> MeanRelevance)
{
    /// <summary>
    /// Ranks the classifier-input positions of <paramref name="model"/> by the mean relevance of <paramref name="variant"/>
    /// for class <paramref name="target"/> over the records of <paramref name="data"/> labelled with it.
    /// </summary>
    public static PruningRanking Compute(ExplainedModel model, ExplanationVariant variant, PreparedDataset data, int target, int batchSize, Device device,
        IProgress<int>? progress = null, CancellationToken cancellation = default)
    {
        int column = data.ClassNames.ToList().IndexOf(model.ClassNames[target]);
        int[] positives = Enumerable.Range(0, data.Count).Where(i => column >= 0 && data.Label(i, column) >= 0.5f).ToArray();
        if (positives.Length == 0)
        {
            throw new EcgXaiException(data.Name, $"no record is labelled {model.ClassNames[target]}, so no ranking can be made");
        }
        IFlipPlace place = model.Place(model.ClassifierInput);
        var grid = FeatureGrid.Positions(place.Channels, place.Length);
        var sum = new double[grid.Count];
        using IRelevanceSource source = model.Source(variant, InputBox.Over(data, positives), 0);
        int done = 0;
        foreach (int[] batch in positives.Chunk(batchSize))
        {
            cancellation.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            Tensor input = SrgExperiment.Load(data, batch, device, model.ScalarType);
            using IFlipSession session = place.Open(input);
            Tensor relevance = source.Relevance(input, Enumerable.Repeat(target, batch.Length).ToArray(), [place], [session], [grid])[0];
            double[] values = relevance.to(ScalarType.Float64).sum(dim: 0L).cpu().data<double>().ToArray();
            for (int i = 0; i < sum.Length; i++)
            {
                sum[i] += values[i];
            }
            done += batch.Length;
            progress?.Report(done);
        }
        return new PruningRanking(place.Channels, place.Length, model.ClassNames[target], positives.Length, sum.Select(s => s / positives.Length).ToArray());
    }

    /// <summary>Number of units at <paramref name="level"/>.</summary>
    public int Units(PruningLevel level) => level == PruningLevel.Positions ? Channels * Length : Channels;

    /// <summary>Mean relevance of each unit at <paramref name="level"/> (a channel's is the sum over its positions).</summary>
    public double[] UnitRelevance(PruningLevel level) => level == PruningLevel.Positions ? MeanRelevance.ToArray()
        : Enumerable.Range(0, Channels).Select(c => Enumerable.Range(0, Length).Sum(t => MeanRelevance[c * Length + t])).ToArray();

    /// <summary>Units by descending mean relevance (stable: ties in index order).</summary>
    public int[] MostRelevantFirst(PruningLevel level) =>
        FlipOrder.MostInfluentialFirst(UnitRelevance(level).Select(v => (float)v).ToArray());

    /// <summary>The exact reverse of <see cref="MostRelevantFirst"/>.</summary>
    public int[] LeastRelevantFirst(PruningLevel level) => FlipOrder.Reversed(MostRelevantFirst(level));

    /// <summary>A uniformly random order of the units (Fisher–Yates with <paramref name="seed"/>).</summary>
    public int[] RandomOrder(PruningLevel level, int seed)
    {
        int[] order = Enumerable.Range(0, Units(level)).ToArray();
        new Random(seed).Shuffle(order);
        return order;
    }

    /// <summary>The keep mask <c>(Channels, Length)</c> as 0/1 floats keeping the first <paramref name="keep"/> units of <paramref name="order"/>.</summary>
    public float[] Mask(PruningLevel level, IReadOnlyList<int> order, int keep)
    {
        if (keep < 0 || keep > order.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(keep), keep, $"can keep 0 to {order.Count} units");
        }
        var mask = new float[Channels * Length];
        for (int i = 0; i < keep; i++)
        {
            int unit = order[i];
            if (level == PruningLevel.Positions)
            {
                mask[unit] = 1;
            }
            else
            {
                Array.Fill(mask, 1f, unit * Length, Length);
            }
        }
        return mask;
    }
}
