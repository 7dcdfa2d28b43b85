using System.Buffers;
using System.Collections.Concurrent;
using EcgXai.IO;
using EcgXai.Signals;

namespace EcgXai.Datasets;

/// <summary>
/// Turns an <see cref="EcgRecord"/> into model input per <see cref="PreprocessOptions"/>: leads picked and ordered by
/// name, resampled (<see cref="PolyphaseResampler"/>), optionally high-passed (<see cref="BaselineFilter"/>), then
/// centre zero-padded or centre-cropped to the length. Thread-safe.
/// </summary>
public sealed class Preprocessor
{
    private readonly ConcurrentDictionary<double, PolyphaseResampler> resamplers = new();
    private readonly string[] leads;

    /// <summary>Creates a preprocessor for <paramref name="options"/>.</summary>
    public Preprocessor(PreprocessOptions options)
    {
        if (options.Leads.Count == 0 || !(options.SampleRate > 0) || options.Length <= 0)
        {
            throw new ArgumentException($"preprocessing needs at least one lead, a positive rate and a positive length (got {options.Leads.Count} leads, {options.SampleRate} Hz, {options.Length} samples)");
        }
        Options = options;
        leads = options.Leads.Select(LeadNames.Normalize).ToArray();
    }

    /// <summary>The settings applied.</summary>
    public PreprocessOptions Options { get; }

    /// <summary>Floats per output record: leads times length.</summary>
    public int OutputSize => leads.Length * Options.Length;

    /// <summary>
    /// Writes the preprocessed record into <paramref name="output"/> (<see cref="OutputSize"/> floats, lead-major).
    /// Throws <see cref="InvalidRecordException"/> with reason "missing-lead", "sample-rate", "too-short" or "non-finite".
    /// </summary>
    public void Process(EcgRecord record, Span<float> output)
    {
        if (output.Length != OutputSize)
        {
            throw new ArgumentException($"output needs {OutputSize} floats, got {output.Length}", nameof(output));
        }
        if (!(record.SampleRate > 0) || double.IsInfinity(record.SampleRate))
        {
            throw new InvalidRecordException(record.SourcePath, "sample-rate", $"sampling rate {record.SampleRate} Hz is not a positive number");
        }
        if (record.SampleCount == 0 || record.DurationSeconds < Options.MinimumSeconds)
        {
            throw new InvalidRecordException(record.SourcePath, "too-short", $"record lasts {record.DurationSeconds:0.###} s, shorter than the minimum {Options.MinimumSeconds:0.###} s");
        }
        int[] rows = new int[leads.Length];
        for (int i = 0; i < leads.Length; i++)
        {
            rows[i] = record.IndexOfLead(leads[i]);
            if (rows[i] < 0)
            {
                throw new InvalidRecordException(record.SourcePath, "missing-lead", $"lead {leads[i]} is missing (record has {string.Join(", ", record.Leads)})");
            }
        }
        PolyphaseResampler resampler = resamplers.GetOrAdd(record.SampleRate, rate => new PolyphaseResampler(rate, Options.SampleRate));
        int n = record.SampleCount, resampledLength = resampler.OutputLength(n), length = Options.Length;
        float[] selected = ArrayPool<float>.Shared.Rent(leads.Length * n);
        float[] resampled = ArrayPool<float>.Shared.Rent(leads.Length * resampledLength);
        try
        {
            for (int i = 0; i < leads.Length; i++)
            {
                ReadOnlySpan<float> source = record.Lead(rows[i]);
                if (HasNonFinite(source))
                {
                    throw new InvalidRecordException(record.SourcePath, "non-finite", $"lead {leads[i]} holds NaN or infinite values");
                }
                source.CopyTo(selected.AsSpan(i * n, n));
            }
            resampler.Resample(selected.AsSpan(0, leads.Length * n), leads.Length, resampled.AsSpan(0, leads.Length * resampledLength));
            for (int i = 0; i < leads.Length; i++)
            {
                Span<float> lead = resampled.AsSpan(i * resampledLength, resampledLength);
                if (Options.HighPassHz is { } cutoff)
                {
                    BaselineFilter.Apply(lead, Options.SampleRate, cutoff);
                }
                Span<float> target = output.Slice(i * length, length);
                target.Clear();
                if (resampledLength >= length)
                {
                    lead.Slice((resampledLength - length) / 2, length).CopyTo(target);
                }
                else
                {
                    lead.CopyTo(target[((length - resampledLength) / 2)..]);
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(selected);
            ArrayPool<float>.Shared.Return(resampled);
        }
    }

    private static bool HasNonFinite(ReadOnlySpan<float> values)
    {
        foreach (float v in values)
        {
            if (!float.IsFinite(v))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The preprocessed record as a new array (see <see cref="Process(EcgRecord, Span{float})"/>).</summary>
    public float[] Process(EcgRecord record)
    {
        float[] output = new float[OutputSize];
        Process(record, output);
        return output;
    }
}
