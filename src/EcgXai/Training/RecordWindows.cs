using EcgXai.Datasets;
using static TorchSharp.torch;

namespace EcgXai.Training;

/// <summary>
/// Scoring records longer than a model's input by windows. A prepared record of <c>Length</c> samples holds its signal
/// centre-padded with exact zeros; its extent is the span from the first to the last non-zero sample over all leads.
/// The windows of a record are those of the model's input length that start at the extent's start and every
/// <c>stride</c> samples after it, plus one that ends at the extent's end (so the tail is covered); an extent no
/// longer than a window gives one window centred on it. A record's score per class is the mean of its windows'
/// probabilities. Training on such records takes one random window of each record per epoch (a random crop).
/// </summary>
public static class RecordWindows
{
    /// <summary>The stride used for a window of <paramref name="window"/> samples: half a window (windows overlap by half).</summary>
    public static int DefaultStride(int window) => Math.Max(1, window / 2);

    /// <summary>The first non-zero sample and one past the last, over all leads of a lead-major row; (0, 0) when all are zero.</summary>
    public static (int Start, int End) Extent(ReadOnlySpan<float> row, int leads)
    {
        int length = row.Length / leads, start = length, end = 0;
        for (int l = 0; l < leads; l++)
        {
            ReadOnlySpan<float> lead = row.Slice(l * length, length);
            int first = lead.IndexOfAnyExcept(0f);
            if (first >= 0)
            {
                start = Math.Min(start, first);
                end = Math.Max(end, lead.LastIndexOfAnyExcept(0f) + 1);
            }
        }
        return start < end ? (start, end) : (0, 0);
    }

    /// <summary>Start samples of the windows of <paramref name="window"/> samples over <paramref name="extent"/> in a row of <paramref name="length"/> samples.</summary>
    public static int[] Starts((int Start, int End) extent, int length, int window, int stride)
    {
        if (window > length || window < 1 || stride < 1)
        {
            throw new ArgumentException($"a window of {window} samples with stride {stride} does not fit rows of {length} samples");
        }
        int span = extent.End - extent.Start;
        if (span <= window)
        {
            return [Math.Clamp(extent.Start - (window - span) / 2, 0, length - window)];
        }
        var starts = new List<int>();
        for (int s = extent.Start; s + window < extent.End; s += stride)
        {
            starts.Add(s);
        }
        starts.Add(extent.End - window);
        return starts.ToArray();
    }

    /// <summary>One window start drawn uniformly from the positions that keep the window within the extent (or the centred window when the extent is shorter).</summary>
    public static int RandomStart((int Start, int End) extent, int length, int window, Random random)
    {
        int span = extent.End - extent.Start;
        return span <= window
            ? Starts(extent, length, window, window)[0]
            : extent.Start + random.Next(span - window + 1);
    }

    /// <summary>
    /// Per-record class probabilities of <paramref name="data"/>: the mean over each record's windows of
    /// <paramref name="window"/> samples (stride <paramref name="stride"/>) of <paramref name="predict"/>'s probabilities
    /// (input <c>(n, leads, window)</c> on <paramref name="device"/> → <c>(n, classes)</c>). Row-major <c>[Count, classes]</c>.
    /// </summary>
    public static float[] Score(PreparedDataset data, int window, int stride, int batchSize, Device device, Func<Tensor, Tensor> predict, CancellationToken cancellation = default)
    {
        if (window == data.Length)
        {
            return BatchInference.Run(data, batchSize, device, predict, cancellation);
        }
        int classes = data.ClassNames.Count, leads = data.LeadCount, length = data.Length;
        var sums = new double[data.Count * classes];
        var windows = new int[data.Count];
        var buffer = new float[batchSize * leads * window];
        var owners = new int[batchSize];
        int filled = 0;
        using var noGrad = no_grad();
        void Flush()
        {
            cancellation.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            Tensor x = tensor(buffer.AsSpan(0, filled * leads * window).ToArray(), [filled, leads, window]).to(device);
            Tensor output = predict(x).to(float32).cpu().contiguous();
            if (output.shape.Length != 2 || output.shape[0] != filled || output.shape[1] != classes)
            {
                throw new ArgumentException($"predictor returned shape [{string.Join(", ", output.shape)}] for {filled} windows and {classes} classes");
            }
            ReadOnlySpan<float> p = output.data<float>().ToArray();
            for (int i = 0; i < filled; i++)
            {
                for (int c = 0; c < classes; c++)
                {
                    sums[owners[i] * classes + c] += p[i * classes + c];
                }
            }
            filled = 0;
        }
        for (int r = 0; r < data.Count; r++)
        {
            ReadOnlySpan<float> row = data.Signal(r);
            foreach (int start in Starts(Extent(row, leads), length, window, stride))
            {
                CopyWindow(row, leads, start, window, buffer.AsSpan(filled * leads * window, leads * window));
                owners[filled++] = r;
                windows[r]++;
                if (filled == batchSize)
                {
                    Flush();
                }
            }
        }
        if (filled > 0)
        {
            Flush();
        }
        var result = new float[sums.Length];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = (float)(sums[i] / windows[i / classes]);
        }
        return result;
    }

    /// <summary>Copies samples <c>[start, start + window)</c> of every lead of a lead-major row into <paramref name="target"/> (<c>leads * window</c>).</summary>
    public static void CopyWindow(ReadOnlySpan<float> row, int leads, int start, int window, Span<float> target)
    {
        int length = row.Length / leads;
        for (int l = 0; l < leads; l++)
        {
            row.Slice(l * length + start, window).CopyTo(target.Slice(l * window, window));
        }
    }
}
