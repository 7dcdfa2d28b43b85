using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using NWaves.Filters.Fda;
using NWaves.Windows;

namespace EcgXai.Datasets;

/// <summary>
/// Rational-rate resampler: up-sample by <see cref="Up"/>, low-pass (windowed-sinc FIR designed with NWaves, cut-off at the
/// lower of the two Nyquist frequencies), down-sample by <see cref="Down"/>, computing only the kept outputs from the
/// polyphase components of the filter (as <c>scipy.signal.resample_poly</c>; Kaiser-windowed sinc, unit DC gain). Zero-phase: the filter delay is compensated.
/// Immutable and thread-safe.
/// </summary>
public sealed class PolyphaseResampler
{
    /// <summary>Filter half-length in units of <c>max(Up, Down)</c>; longer gives a sharper transition band.</summary>
    public const int HalfLengthPerFactor = 10;

    /// <summary>Kaiser window shape: about 60 dB stop-band attenuation.</summary>
    public const double KaiserBeta = 5.65;

    private const int MaxFactor = 4000;

    /// <summary>Polyphase components of the filter, each stored reversed so that an output is a forward dot product with the input.</summary>
    private readonly float[][] phases;
    private readonly int delay;

    /// <summary>Builds a resampler from <paramref name="fromRate"/> to <paramref name="toRate"/> Hz (the ratio must be rational with terms up to 4000 after reduction at 0.001 Hz resolution).</summary>
    public PolyphaseResampler(double fromRate, double toRate)
    {
        if (!(fromRate > 0) || !(toRate > 0) || double.IsInfinity(fromRate) || double.IsInfinity(toRate))
        {
            throw new ArgumentException($"sampling rates must be positive and finite (from {fromRate} to {toRate} Hz)");
        }
        long from = (long)Math.Round(fromRate * 1000), to = (long)Math.Round(toRate * 1000);
        long g = Gcd(from, to);
        if (to / g > MaxFactor || from / g > MaxFactor)
        {
            throw new ArgumentException($"cannot resample from {fromRate} to {toRate} Hz: the ratio {to / g}/{from / g} has terms above {MaxFactor}");
        }
        Up = (int)(to / g);
        Down = (int)(from / g);
        int factor = Math.Max(Up, Down);
        if (factor == 1)
        {
            phases = [[1f]];
            return;
        }
        int taps = 2 * HalfLengthPerFactor * factor + 1;
        double[] kernel = DesignFilter.FirWinLp(taps, 0.5 / factor, WindowType.Rectangular);
        float[] window = Window.Kaiser(taps, KaiserBeta);
        double sum = 0;
        for (int j = 0; j < taps; j++)
        {
            kernel[j] *= window[j];
            sum += kernel[j];
        }
        for (int j = 0; j < taps; j++)
        {
            kernel[j] /= sum;
        }
        delay = (kernel.Length - 1) / 2;
        phases = new float[Up][];
        for (int p = 0; p < Up; p++)
        {
            var phase = new List<float>();
            for (int j = p; j < kernel.Length; j += Up)
            {
                phase.Add((float)(kernel[j] * Up));
            }
            phase.Reverse();
            phases[p] = phase.ToArray();
        }
    }

    /// <summary>Up-sampling factor.</summary>
    public int Up { get; }

    /// <summary>Down-sampling factor.</summary>
    public int Down { get; }

    /// <summary>Number of output samples for <paramref name="inputLength"/> input samples: <c>ceil(n * Up / Down)</c>.</summary>
    public int OutputLength(int inputLength) => (int)(((long)inputLength * Up + Down - 1) / Down);

    /// <summary>Resamples <paramref name="input"/> into <paramref name="output"/> (length <see cref="OutputLength"/>).</summary>
    public void Resample(ReadOnlySpan<float> input, Span<float> output)
    {
        int outLength = OutputLength(input.Length);
        if (output.Length != outLength)
        {
            throw new ArgumentException($"output needs {outLength} samples, got {output.Length}", nameof(output));
        }
        for (int m = 0; m < outLength; m++)
        {
            (float[] h, int skip, int start, int count) = TapWindow(m, input.Length);
            output[m] = count > 0 ? Dot(h.AsSpan(skip, count), input.Slice(start, count)) : 0;
        }
    }

    /// <summary>
    /// Resamples <paramref name="channels"/> equally long signals at once, <c>input[c * n + t]</c> into
    /// <c>output[c * OutputLength(n) + m]</c>. The signals are interleaved internally so that every filter tap is applied
    /// to all channels with one vector operation.
    /// </summary>
    public void Resample(ReadOnlySpan<float> input, int channels, Span<float> output)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        if (channels == 1)
        {
            Resample(input, output);
            return;
        }
        if (input.Length % channels != 0)
        {
            throw new ArgumentException($"input of {input.Length} values is not {channels} equally long signals", nameof(input));
        }
        int n = input.Length / channels, outLength = OutputLength(n);
        if (output.Length != outLength * channels)
        {
            throw new ArgumentException($"output needs {outLength * channels} values, got {output.Length}", nameof(output));
        }
        int width = Vector<float>.Count, vectors = (channels + width - 1) / width, stride = vectors * width;
        float[] frames = ArrayPool<float>.Shared.Rent(n * stride);
        try
        {
            Array.Clear(frames, 0, n * stride);
            for (int c = 0; c < channels; c++)
            {
                ReadOnlySpan<float> signal = input.Slice(c * n, n);
                for (int t = 0; t < n; t++)
                {
                    frames[t * stride + c] = signal[t];
                }
            }
            Span<Vector<float>> sums = stackalloc Vector<float>[vectors];
            ReadOnlySpan<Vector<float>> rows = MemoryMarshal.Cast<float, Vector<float>>(frames.AsSpan(0, n * stride));
            for (int m = 0; m < outLength; m++)
            {
                (float[] h, int skip, int start, int count) = TapWindow(m, n);
                sums.Clear();
                for (int t = 0; t < count; t++)
                {
                    var tap = new Vector<float>(h[skip + t]);
                    ReadOnlySpan<Vector<float>> row = rows.Slice((start + t) * vectors, vectors);
                    for (int v = 0; v < vectors; v++)
                    {
                        sums[v] += tap * row[v];
                    }
                }
                ReadOnlySpan<float> result = MemoryMarshal.Cast<Vector<float>, float>(sums);
                for (int c = 0; c < channels; c++)
                {
                    output[c * outLength + m] = result[c];
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(frames);
        }
    }

    /// <summary>For output <paramref name="m"/>: the polyphase component, how many of its (reversed) taps fall before the input, the first input sample used and the number of taps applied.</summary>
    private (float[] Taps, int Skip, int Start, int Count) TapWindow(int m, int inputLength)
    {
        long position = (long)m * Down + delay;
        float[] h = phases[(int)(position % Up)];
        long oldest = position / Up - h.Length + 1;
        int skip = (int)Math.Max(0, -oldest), start = (int)Math.Max(0, oldest);
        return (h, skip, start, (int)Math.Min(h.Length - skip, inputLength - start));
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        int i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        }
        float total = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }
        return total;
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }
        return a;
    }
}
