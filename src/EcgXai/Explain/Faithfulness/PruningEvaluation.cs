using EcgXai.Datasets;
using EcgXai.IO;
using EcgXai.Training.Metrics;
using static TorchSharp.torch;

namespace EcgXai.Explain.Faithfulness;

/// <summary>
/// AUROC of every class when the classifier input keeps only k units (the rest set to zero and the forward restarted
/// there): the most relevant units, the least relevant, and seeded random units, at each k, plus the unpruned model.
/// All masks of a batch run as rows of batched restarts of one opened forward.
/// </summary>
public static class PruningEvaluation
{
    /// <summary>Masks restarted together (times the batch's records = rows of one restart).</summary>
    private const int MasksPerRestart = 16;

    /// <summary>
    /// The table rows of <paramref name="data"/> (named <paramref name="spec"/>) at <paramref name="level"/> for the unit
    /// counts <paramref name="keeps"/> (null = all; counts above the unit count are clipped), with
    /// <paramref name="randomDraws"/> random orders seeded from <paramref name="seed"/>.
    /// </summary>
    public static IReadOnlyList<PruningRow> Evaluate(ExplainedModel model, PreparedDataset data, string spec, PruningRanking ranking, PruningLevel level,
        IReadOnlyList<int?> keeps, int randomDraws, int seed, int resamples, int batchSize, Device device, CancellationToken cancellation = default)
    {
        if (!data.ClassNames.SequenceEqual(model.ClassNames))
        {
            throw new EcgXaiException(spec, $"dataset classes ({string.Join(",", data.ClassNames)}) differ from the model's ({string.Join(",", model.ClassNames)})");
        }
        int units = ranking.Units(level);
        int[] ks = keeps.Select(k => Math.Min(k ?? units, units)).Distinct().Order().ToArray();
        var orders = new List<(string Method, int[] Order)>
        {
            (PruningMethods.Relevant, ranking.MostRelevantFirst(level)),
            (PruningMethods.Least, ranking.LeastRelevantFirst(level)),
        };
        orders.AddRange(Enumerable.Range(0, randomDraws).Select(d => (PruningMethods.Random, ranking.RandomOrder(level, seed + d))));
        var masks = new List<(string Method, int Keep, float[] Mask)> { (PruningMethods.Unpruned, units, Enumerable.Repeat(1f, ranking.Channels * ranking.Length).ToArray()) };
        masks.AddRange(orders.SelectMany(o => ks.Select(k => (o.Method, k, ranking.Mask(level, o.Order, k)))));

        float[][] probabilities = Scores(model, data, masks.Select(m => m.Mask).ToArray(), batchSize, device, cancellation);
        int classes = model.ClassNames.Count;
        var rows = new List<PruningRow>();
        for (int c = 0; c < classes; c++)
        {
            float[] labels = Enumerable.Range(0, data.Count).Select(i => data.Label(i, c)).ToArray();
            ConfidenceInterval Ci(int m) => Bootstrap.Auroc(BinaryScores.From(Auroc.Column(probabilities[m], classes, c), labels), resamples, seed);
            string name = model.ClassNames[c];
            ConfidenceInterval unpruned = Ci(0);
            rows.Add(new PruningRow(spec, level, PruningMethods.Unpruned, units, units, name, unpruned.Estimate, unpruned.Lower, unpruned.Upper));
            foreach (int k in ks)
            {
                foreach (string method in new[] { PruningMethods.Relevant, PruningMethods.Least })
                {
                    ConfidenceInterval ci = Ci(masks.FindIndex(m => m.Method == method && m.Keep == k));
                    rows.Add(new PruningRow(spec, level, method, k, units, name, ci.Estimate, ci.Lower, ci.Upper));
                }
                double[] draws = masks.Select((m, i) => (m, i)).Where(x => x.m.Method == PruningMethods.Random && x.m.Keep == k)
                    .Select(x => Auroc.Compute(Auroc.Column(probabilities[x.i], classes, c), labels)).ToArray();
                if (draws.Length > 0)
                {
                    rows.Add(new PruningRow(spec, level, PruningMethods.Random, k, units, name, Auroc.MeanIgnoringNaN(draws), draws.Min(), draws.Max()));
                }
            }
        }
        return rows;
    }

    /// <summary>Probabilities <c>[records, classes]</c> of every record of <paramref name="data"/> under each keep mask.</summary>
    public static float[][] Scores(ExplainedModel model, PreparedDataset data, IReadOnlyList<float[]> masks, int batchSize, Device device, CancellationToken cancellation = default)
    {
        IFlipPlace place = model.Place(model.ClassifierInput);
        int classes = model.ClassNames.Count;
        float[][] result = masks.Select(_ => new float[data.Count * classes]).ToArray();
        using var noGrad = no_grad();
        int[] all = Enumerable.Range(0, data.Count).ToArray();
        int row = 0;
        foreach (int[] batch in all.Chunk(batchSize))
        {
            cancellation.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            Tensor input = SrgExperiment.Load(data, batch, device, model.ScalarType);
            using IFlipSession session = place.Open(input);
            for (int first = 0; first < masks.Count; first += MasksPerRestart)
            {
                using var chunkScope = NewDisposeScope();
                int count = Math.Min(MasksPerRestart, masks.Count - first);
                Tensor mask = tensor(masks.Skip(first).Take(count).SelectMany(m => m).ToArray(), [count, 1, place.Channels, place.Length])
                    .to(model.ScalarType).to(device);
                Tensor kept = session.Activations.unsqueeze(0).mul(mask).reshape(count * batch.Length, place.Channels, place.Length);
                float[] p = session.Logits(kept).sigmoid().to(ScalarType.Float32).cpu().data<float>().ToArray();
                for (int m = 0; m < count; m++)
                {
                    Array.Copy(p, m * batch.Length * classes, result[first + m], row * classes, batch.Length * classes);
                }
            }
            row += batch.Length;
        }
        return result;
    }
}
