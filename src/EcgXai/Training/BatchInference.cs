using EcgXai.Datasets;
using static TorchSharp.torch;

namespace EcgXai.Training;

/// <summary>Runs a batched predictor over a whole dataset without gradients and gathers its outputs on the host.</summary>
public static class BatchInference
{
    /// <summary>
    /// Applies <paramref name="predict"/> (input <c>(n, leads, length)</c> on <paramref name="device"/> → <c>(n, classes)</c>)
    /// to every row of <paramref name="data"/> in order; returns the row-major <c>[Count, classes]</c> outputs.
    /// </summary>
    public static float[] Run(PreparedDataset data, int batchSize, Device device, Func<Tensor, Tensor> predict, CancellationToken cancellation = default)
    {
        int classes = data.ClassNames.Count;
        var result = new float[data.Count * classes];
        int[] all = Enumerable.Range(0, data.Count).ToArray();
        using var batches = new BatchPrefetcher(data, all, batchSize);
        using var noGrad = no_grad();
        int row = 0;
        while (batches.Next() is { } batch)
        {
            cancellation.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            Tensor x = tensor(batch.Signals, [batch.Count, data.LeadCount, data.Length]).to(device);
            Tensor output = predict(x).to(float32).cpu().contiguous();
            if (output.shape.Length != 2 || output.shape[0] != batch.Count || output.shape[1] != classes)
            {
                throw new ArgumentException($"predictor returned shape [{string.Join(", ", output.shape)}] for a batch of {batch.Count} records and {classes} classes");
            }
            output.data<float>().CopyTo(result.AsSpan(row * classes, batch.Count * classes));
            row += batch.Count;
        }
        return result;
    }
}
