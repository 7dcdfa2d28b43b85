using System.Buffers;
using System.Collections.Concurrent;
using EcgXai.IO;
using EcgXai.Signals;

namespace EcgXai.Datasets;

/// <summary>
/// Turns an <see cref="EcgRecord"/> into model input per <see cref="PreprocessOptions"/>: leads picked and ordered by
/// name, resampled (<see cref="PolyphaseResampler"/>), optionally high-passed (<see cref="BaselineFilter"/>), then
/// centre zero-padded or centre-cropped to the length; leads a record lacks are refused or zero-filled
/// (<see cref="PreprocessOptions.MissingLeads"/>). Thread-safe.
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
    /// Throws <see cref="InvalidRecordException"/> with reason "missing-lead", "sample-rate", "too-short", "invalid-samples" or "non-finite".
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
        int[] rows = Rows(record);
        PolyphaseResampler resampler = resamplers.GetOrAdd(record.SampleRate, rate => new PolyphaseResampler(rate, Options.SampleRate));
        int n = record.SampleCount, resampledLength = resampler.OutputLength(n), length = Options.Length;
        float[] selected = ArrayPool<float>.Shared.Rent(leads.Length * n);
        float[] resampled = ArrayPool<float>.Shared.Rent(leads.Length * resampledLength);
        try
        {
            for (int i = 0; i < leads.Length; i++)
            {
                Span<float> copy = selected.AsSpan(i * n, n);
                if (rows[i] < 0)
                {
                    copy.Clear();
                    continue;
                }
                ReadOnlySpan<float> source = record.Lead(rows[i]);
                source.CopyTo(copy);
                if (HasNonFinite(source))
                {
                    Repair(record, leads[i], copy);
                }
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

    /// <summary>
    /// The record's row of each requested lead; -1 for a lead to zero-fill (<see cref="MissingLeadHandling.Zero"/>,
    /// when the record has at least one requested lead), else a missing lead is refused as "missing-lead".
    /// </summary>
    private int[] Rows(EcgRecord record)
    {
        int[] rows = leads.Select(record.IndexOfLead).ToArray();
        int missing = Array.IndexOf(rows, -1);
        if (missing >= 0 && (Options.MissingLeads == MissingLeadHandling.Refuse || rows.All(r => r < 0)))
        {
            string zeroFill = Options.MissingLeads == MissingLeadHandling.Zero ? "; none of the requested leads is present to keep" : "";
            throw new InvalidRecordException(record.SourcePath, "missing-lead", $"lead {leads[missing]} is missing (record has {string.Join(", ", record.Leads)}){zeroFill}");
        }
        return rows;
    }

    /// <summary>
    /// Handles a lead holding NaN or infinite values: missing samples of a source that marks them (NaN, counted in
    /// <see cref="EcgRecord.InvalidSampleCount"/>) are interpolated or refused by <see cref="PreprocessOptions.InvalidSamples"/>;
    /// anything else is refused as "non-finite".
    /// </summary>
    private void Repair(EcgRecord record, string lead, Span<float> values)
    {
        int missing = 0, infinite = 0;
        foreach (float v in values)
        {
            missing += float.IsNaN(v) ? 1 : 0;
            infinite += float.IsInfinity(v) ? 1 : 0;
        }
        if (infinite > 0 || record.InvalidSampleCount == 0)
        {
            throw new InvalidRecordException(record.SourcePath, "non-finite", $"lead {lead} holds NaN or infinite values");
        }
        if (Options.InvalidSamples == InvalidSampleHandling.Skip || missing == values.Length)
        {
            throw new InvalidRecordException(record.SourcePath, "invalid-samples",
                $"lead {lead} has {missing} of {values.Length} samples marked missing (the format's invalid-sample value)"
                + (missing == values.Length ? "; none is left to interpolate from" : "; skipped (interpolation is an option)"));
        }
        Interpolate(values);
    }

    /// <summary>Fills NaN runs linearly between the valid samples around them; runs at an edge take the nearest valid sample.</summary>
    internal static void Interpolate(Span<float> values)
    {
        int previous = -1;
        for (int t = 0; t <= values.Length; t++)
        {
            if (t < values.Length && float.IsNaN(values[t]))
            {
                continue;
            }
            int gap = t - previous - 1;
            if (gap > 0)
            {
                float left = previous >= 0 ? values[previous] : values[t];
                float right = t < values.Length ? values[t] : left;
                for (int k = 1; k <= gap; k++)
                {
                    values[previous + k] = left + (right - left) * k / (gap + 1);
                }
            }
            previous = t;
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
