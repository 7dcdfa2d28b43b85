using static TorchSharp.torch;

namespace EcgXai.Explain.Faithfulness;

/// <summary>
/// Batched feature flipping at one place: every record's features are ordered by relevance (MIF, and LIF its reverse);
/// at step k the first <see cref="PerturbationSchedule.Flipped"/> features of each order are replaced by the baseline
/// and one restarted forward over all records and both orders gives the target probabilities (sigmoid of the logit).
/// </summary>
public static class Flipping
{
    /// <summary>
    /// The MIF and LIF curves of the records of <paramref name="session"/>: features of <paramref name="grid"/> ranked by
    /// <paramref name="featureRelevance"/> <c>(records, features)</c>, flipped to <paramref name="baseline"/> (broadcastable
    /// to the activations), for class <paramref name="targets"/>[r] of record r, in <paramref name="steps"/> steps.
    /// </summary>
    public static FlipCurves Run(IFlipSession session, FeatureGrid grid, Tensor featureRelevance, Tensor baseline, IReadOnlyList<int> targets, int steps)
    {
        Tensor activations = session.Activations;
        grid.CheckShape(activations);
        int records = (int)activations.shape[0];
        if (featureRelevance.dim() != 2 || featureRelevance.shape[0] != records || featureRelevance.shape[1] != grid.Count)
        {
            throw new ArgumentException($"feature relevance must be ({records}, {grid.Count}), got [{string.Join(", ", featureRelevance.shape)}]");
        }
        if (targets.Count != records)
        {
            throw new ArgumentException($"{targets.Count} targets for {records} records");
        }
        int[] counts = new PerturbationSchedule(grid.Count, steps).Counts();
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        Device device = activations.device;
        Tensor mifRanks = Ranks(featureRelevance, grid.Count).to(device);
        Tensor ranks = grid.Spread(cat([mifRanks, mifRanks.neg().add_(grid.Count - 1)], 0));
        Tensor both = cat([activations, activations], 0);
        Tensor replacement = baseline.to(activations.dtype).expand_as(activations);
        replacement = cat([replacement, replacement], 0);
        Tensor rowTargets = tensor(targets.Concat(targets).Select(t => (long)t).ToArray(), dtype: ScalarType.Int64, device: device).unsqueeze(1);
        var probabilities = new List<Tensor>(steps);
        foreach (int count in counts)
        {
            using var step = NewDisposeScope();
            Tensor perturbed = where(ranks.lt(count), replacement, both);
            Tensor logits = session.Logits(perturbed);
            probabilities.Add(logits.gather(1, rowTargets).squeeze(1).to(ScalarType.Float64).sigmoid().MoveToOuterDisposeScope());
        }
        // (steps, 2·records) → host, then MIF rows first, LIF rows after.
        double[] p = stack(probabilities, 1).cpu().data<double>().ToArray();
        var mif = new double[records * steps];
        var lif = new double[records * steps];
        Array.Copy(p, 0, mif, 0, mif.Length);
        Array.Copy(p, mif.Length, lif, 0, lif.Length);
        return new FlipCurves(records, steps, mif, lif);
    }

    /// <summary>Per-record ranks of the MIF order (<see cref="FlipOrder.MostInfluentialFirst"/>), <c>(records, features)</c> int64 on the CPU.</summary>
    public static Tensor Ranks(Tensor featureRelevance, int features)
    {
        float[] values = featureRelevance.to(ScalarType.Float32).cpu().contiguous().data<float>().ToArray();
        int records = values.Length / features;
        var ranks = new long[values.Length];
        for (int r = 0; r < records; r++)
        {
            int[] rank = FlipOrder.Ranks(FlipOrder.MostInfluentialFirst(values.AsSpan(r * features, features)));
            for (int f = 0; f < features; f++)
            {
                ranks[r * features + f] = rank[f];
            }
        }
        return tensor(ranks, [records, features], dtype: ScalarType.Int64);
    }
}
