using System.Diagnostics;
using EcgXai.Datasets;

namespace EcgXai.Training;

/// <summary>
/// Reads the batches of one pass over <paramref name="data"/> in <paramref name="order"/> and prepares the next
/// batch on a background task while the caller works on the current one. <see cref="WaitTime"/> is the time
/// <see cref="Next"/> spent blocked on data, the stall the prefetch is meant to hide.
/// </summary>
/// <param name="data">Dataset to read.</param>
/// <param name="order">Row indices in visiting order.</param>
/// <param name="batchSize">Rows per batch (the last batch may be smaller).</param>
/// <param name="teacherProbabilities">Row-major <c>[data.Count, classes]</c> teacher probabilities, or null.</param>
/// <param name="crop">The window each row is cut to (random crops of long records), or null for whole rows.</param>
public sealed class BatchPrefetcher(PreparedDataset data, IReadOnlyList<int> order, int batchSize, float[]? teacherProbabilities = null, WindowCrop? crop = null) : IDisposable
{
    private readonly Stopwatch waiting = new();
    private Task<HostBatch>? pending;
    private int nextStart;

    /// <summary>Number of batches in the pass.</summary>
    public int BatchCount { get; } = (order.Count + batchSize - 1) / batchSize;

    /// <summary>Total time <see cref="Next"/> waited for a batch that was not ready yet.</summary>
    public TimeSpan WaitTime => waiting.Elapsed;

    /// <summary>Returns the next batch (null after the last) and starts reading the one after it.</summary>
    public HostBatch? Next()
    {
        pending ??= Start();
        if (pending is null)
        {
            return null;
        }
        waiting.Start();
        HostBatch batch;
        try
        {
            batch = pending.GetAwaiter().GetResult();
        }
        finally
        {
            waiting.Stop();
        }
        pending = Start();
        return batch;
    }

    /// <summary>Reads the batch of rows <paramref name="rows"/> synchronously, each cut to <paramref name="crop"/> when given.</summary>
    public static HostBatch Read(PreparedDataset data, IReadOnlyList<int> rows, float[]? teacherProbabilities, WindowCrop? crop = null)
    {
        int classes = data.ClassNames.Count;
        var labels = new float[rows.Count * classes];
        float[] signals;
        if (crop is { } c)
        {
            int per = data.LeadCount * c.Window;
            signals = new float[rows.Count * per];
            for (int i = 0; i < rows.Count; i++)
            {
                RecordWindows.CopyWindow(data.Signal(rows[i]), data.LeadCount, c.Starts[rows[i]], c.Window, signals.AsSpan(i * per, per));
                for (int k = 0; k < classes; k++)
                {
                    labels[i * classes + k] = data.Label(rows[i], k);
                }
            }
        }
        else
        {
            signals = new float[rows.Count * data.LeadCount * data.Length];
            data.CopyBatch(rows, signals, labels);
        }
        float[]? teacher = null;
        if (teacherProbabilities is not null)
        {
            teacher = new float[rows.Count * classes];
            for (int i = 0; i < rows.Count; i++)
            {
                Array.Copy(teacherProbabilities, rows[i] * classes, teacher, i * classes, classes);
            }
        }
        return new HostBatch(rows.Count, signals, labels, teacher);
    }

    private Task<HostBatch>? Start()
    {
        if (nextStart >= order.Count)
        {
            return null;
        }
        int start = nextStart, count = Math.Min(batchSize, order.Count - start);
        nextStart += count;
        int[] rows = new int[count];
        for (int i = 0; i < count; i++)
        {
            rows[i] = order[start + i];
        }
        return Task.Run(() => Read(data, rows, teacherProbabilities, crop));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            pending?.Wait();
        }
        catch (AggregateException)
        {
            // The pass was abandoned; its read error was either already surfaced by Next or is moot.
        }
    }
}
