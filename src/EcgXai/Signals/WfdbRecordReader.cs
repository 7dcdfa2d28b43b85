using System.Buffers;
using EcgXai.IO;
using Microsoft.Win32.SafeHandles;

namespace EcgXai.Signals;

/// <summary>
/// Reads WFDB records (header plus one or more signal files in any WFDB binary format, CinC <c>.mat</c> files
/// as format 16 at byte offset 24) and verifies each signal's initial value and checksum. A record is named by
/// its path without extension or by its <c>.hea</c> file.
/// </summary>
public static class WfdbRecordReader
{
    /// <summary>Reads the header and the digital samples of every signal.</summary>
    /// <exception cref="InvalidRecordException">Missing, truncated, inconsistent or corrupt record (see its Reason).</exception>
    public static WfdbDigitalRecord ReadDigital(string recordPath)
    {
        WfdbHeader header = WfdbHeader.Read(recordPath);
        (int n, List<(int First, int Count)> groups, IReadOnlyList<string> warnings) = Plan(header);
        var samples = new int[header.Signals.Count][];
        for (int s = 0; s < samples.Length; s++)
        {
            samples[s] = new int[n];
        }
        foreach ((int first, int count) in groups)
        {
            int[] stream = ReadStream(header, first, count, n);
            try
            {
                for (int j = 0; j < count; j++)
                {
                    int[] target = samples[first + j];
                    for (int t = 0, k = j; t < n; t++, k += count)
                    {
                        target[t] = stream[k];
                    }
                }
            }
            finally
            {
                ArrayPool<int>.Shared.Return(stream);
            }
        }
        return new WfdbDigitalRecord(header, samples) { Warnings = warnings };
    }

    /// <summary>
    /// Reads a record as an <see cref="EcgRecord"/> in millivolts: lead names normalised, age, sex and the raw
    /// <c>Dx</c>/<c>Labels</c> codes from the header comments; <see cref="EcgRecord.Labels"/> is left empty.
    /// </summary>
    /// <remarks>
    /// Samples holding their format's invalid-sample value (<see cref="WfdbSignalSpec.InvalidValue"/>) are NaN, as the
    /// WFDB library and wfdb-python give them; <see cref="EcgRecord.InvalidSampleCount"/> counts them.
    /// </remarks>
    /// <exception cref="InvalidRecordException">Missing, truncated, inconsistent or corrupt record, units that are not a voltage, or non-finite values.</exception>
    public static EcgRecord Read(string recordPath)
    {
        WfdbHeader header = WfdbHeader.Read(recordPath);
        int leads = header.Signals.Count;
        if (leads == 0)
        {
            throw new InvalidRecordException(header.Path, "header", "record has no signals");
        }
        var scales = new double[leads];
        for (int s = 0; s < leads; s++)
        {
            WfdbSignalSpec spec = header.Signals[s];
            double perUnit = spec.MillivoltsPerUnit
                ?? throw new InvalidRecordException(header.Path, "units", $"signal {s} ({spec.Description}): units '{spec.Units}' are not a voltage");
            scales[s] = perUnit / spec.Gain;
        }
        (int n, List<(int First, int Count)> groups, IReadOnlyList<string> warnings) = Plan(header);
        var values = new float[leads * n];
        int invalid = 0;
        foreach ((int first, int count) in groups)
        {
            int[] stream = ReadStream(header, first, count, n);
            try
            {
                for (int j = 0; j < count; j++)
                {
                    int s = first + j;
                    double scale = scales[s];
                    int baseline = header.Signals[s].Baseline;
                    int missing = header.Signals[s].InvalidValue ?? int.MinValue;
                    bool hasInvalid = header.Signals[s].InvalidValue is not null;
                    Span<float> target = values.AsSpan(s * n, n);
                    float poison = 0;
                    for (int t = 0, k = j; t < n; t++, k += count)
                    {
                        int digital = stream[k];
                        if (hasInvalid && digital == missing)
                        {
                            target[t] = float.NaN;
                            invalid++;
                            continue;
                        }
                        float v = (float)((digital - baseline) * scale);
                        target[t] = v;
                        poison += v * 0;
                    }
                    if (!float.IsFinite(poison))
                    {
                        ThrowNonFinite(header, s, target, stream.AsSpan(j), count);
                    }
                }
            }
            finally
            {
                ArrayPool<int>.Shared.Return(stream);
            }
        }
        string[] names = header.Signals.Select(sig => LeadNames.Normalize(sig.Description)).ToArray();
        return new EcgRecord(header.RecordName, values, leads, header.SampleRate, names, header.Age, header.Sex,
            header.SourceLabels, [], header.Path)
        { InvalidSampleCount = invalid, Warnings = warnings };
    }

    /// <summary>Throws for the first infinite value (a product <c>v * 0</c> summed over the lead's valid samples is NaN exactly when one is).</summary>
    private static void ThrowNonFinite(WfdbHeader header, int signal, ReadOnlySpan<float> values, ReadOnlySpan<int> digital, int stride)
    {
        int? missing = header.Signals[signal].InvalidValue;
        int t = 0;
        while (float.IsFinite(values[t]) || digital[t * stride] == missing)
        {
            t++;
        }
        WfdbSignalSpec spec = header.Signals[signal];
        throw new InvalidRecordException(header.Path, "nan",
            $"signal {signal} ({spec.Description}): sample {t} is {values[t]} in mV after conversion with gain {spec.Gain}");
    }

    /// <summary>
    /// Checks every signal file against the header before anything is allocated: samples per signal (the header's
    /// count, or what the first signal file holds when the header gives none), the file groups, and warnings about
    /// files holding more samples than declared (the declared samples are read, as the WFDB library does).
    /// </summary>
    private static (int SampleCount, List<(int First, int Count)> Groups, IReadOnlyList<string> Warnings) Plan(WfdbHeader header)
    {
        foreach (WfdbSignalSpec spec in header.Signals)
        {
            if (spec.SamplesPerFrame != 1 || spec.Skew != 0)
            {
                throw new InvalidRecordException(header.Path, "unsupported",
                    $"signal '{spec.Description}' has {spec.SamplesPerFrame} samples per frame and skew {spec.Skew}; only 1 sample per frame without skew is supported");
            }
        }
        List<(int First, int Count)> groups = FileGroups(header);
        if (groups.Count == 0)
        {
            return (0, groups, []);
        }
        var available = new long[groups.Count];
        for (int g = 0; g < groups.Count; g++)
        {
            WfdbSignalSpec head = header.Signals[groups[g].First];
            string file = header.SignalFilePath(head);
            using SafeFileHandle handle = Open(header, file);
            available[g] = Math.Max(0, Length(handle, file) - head.ByteOffset);
        }
        long n = header.SampleCount ?? WfdbSampleCodec.SamplesIn(header.Signals[groups[0].First].Format, available[0]) / groups[0].Count;
        var warnings = new List<string>();
        for (int g = 0; g < groups.Count; g++)
        {
            (int first, int count) = groups[g];
            WfdbSignalSpec head = header.Signals[first];
            string file = header.SignalFilePath(head);
            long total = n * count;
            long needed = WfdbSampleCodec.MinimumBytes(head.Format, total);
            if (available[g] < needed)
            {
                long held = WfdbSampleCodec.SamplesIn(head.Format, available[g]) / count;
                throw new InvalidRecordException(file, "truncated",
                    $"holds {available[g]} bytes of format-{(int)head.Format} data after byte offset {head.ByteOffset} ({held} samples per signal), but the header {header.Path} declares {count} signal(s) x {n} samples, which need {needed}");
            }
            if (needed > Array.MaxLength)
            {
                throw new InvalidRecordException(header.Path, "length",
                    $"{count} signal(s) x {n} samples of format {(int)head.Format} need {needed} bytes of '{head.FileName}', more than one read can hold");
            }
            if (available[g] > WfdbSampleCodec.PaddedBytes(head.Format, total))
            {
                long held = WfdbSampleCodec.SamplesIn(head.Format, available[g]) / count;
                warnings.Add($"{file}: holds {held} samples per signal but the header {header.Path} declares {n}; the declared {n} were read");
            }
        }
        if (n * header.Signals.Count > Array.MaxLength)
        {
            string file = header.SignalFilePath(header.Signals[groups[0].First]);
            throw new InvalidRecordException(header.SampleCount is null ? file : header.Path, "length",
                $"{n} samples per signal x {header.Signals.Count} signals are more than a record can hold (at most {Array.MaxLength} values)");
        }
        return ((int)n, groups, warnings);
    }

    /// <summary>Runs of consecutive signals stored in the same file: (first signal, number of signals).</summary>
    private static List<(int First, int Count)> FileGroups(WfdbHeader header)
    {
        var groups = new List<(int First, int Count)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        IReadOnlyList<WfdbSignalSpec> signals = header.Signals;
        for (int first = 0; first < signals.Count;)
        {
            WfdbSignalSpec head = signals[first];
            int end = first + 1;
            while (end < signals.Count && signals[end].FileName == head.FileName)
            {
                WfdbSignalSpec other = signals[end];
                if (other.Format != head.Format || other.ByteOffset != head.ByteOffset)
                {
                    throw new InvalidRecordException(header.Path, "header",
                        $"signals {first} and {end} share file '{head.FileName}' but differ in format or byte offset");
                }
                end++;
            }
            if (!seen.Add(head.FileName))
            {
                throw new InvalidRecordException(header.Path, "header", $"signals of file '{head.FileName}' are not consecutive");
            }
            groups.Add((first, end - first));
            first = end;
        }
        return groups;
    }

    /// <summary>
    /// Reads and decodes the frame-interleaved samples of one file (<paramref name="count"/> signals from
    /// <paramref name="first"/>, <paramref name="n"/> samples each, its length checked by <see cref="Plan"/>) into a
    /// rented array, verifying each signal's initial value and checksum. The caller returns the array to the pool.
    /// </summary>
    private static int[] ReadStream(WfdbHeader header, int first, int count, int n)
    {
        WfdbSignalSpec head = header.Signals[first];
        string file = header.SignalFilePath(head);
        long total = (long)n * count;
        long needed = WfdbSampleCodec.MinimumBytes(head.Format, total);
        using SafeFileHandle handle = Open(header, file);
        byte[] bytes = ArrayPool<byte>.Shared.Rent((int)needed);
        int[] stream = ArrayPool<int>.Shared.Rent((int)total);
        try
        {
            ReadExactly(handle, file, head.ByteOffset, bytes.AsSpan(0, (int)needed));
            Span<int> initial = stackalloc int[count];
            for (int j = 0; j < count; j++)
            {
                WfdbSignalSpec spec = header.Signals[first + j];
                initial[j] = spec.InitialValue ?? spec.AdcZero;
            }
            WfdbSampleCodec.Decode(head.Format, bytes.AsSpan(0, (int)needed), stream.AsSpan(0, (int)total), initial);
            Verify(header, file, first, count, n, stream);
            return stream;
        }
        catch
        {
            ArrayPool<int>.Shared.Return(stream);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static void Verify(WfdbHeader header, string file, int first, int count, int n, int[] stream)
    {
        for (int j = 0; j < count; j++)
        {
            WfdbSignalSpec spec = header.Signals[first + j];
            // The initial value is checked only beside a checksum: headers written without checksums (the CinC 2017
            // conversions) carry initial values that disagree with the data in 193 of 3,888 real records.
            if (n > 0 && spec.Checksum is not null && spec.InitialValue is { } initial && stream[j] != initial)
            {
                throw new InvalidRecordException(file, "checksum",
                    $"signal {first + j} ({spec.Description}): first sample is {stream[j]} but the header {header.Path} gives initial value {initial}");
            }
            if (spec.Checksum is { } expected)
            {
                int sum = 0;
                for (int t = 0, k = j; t < n; t++, k += count)
                {
                    sum += stream[k];
                }
                if ((ushort)sum != (ushort)expected)
                {
                    throw new InvalidRecordException(file, "checksum",
                        $"signal {first + j} ({spec.Description}): checksum of the samples is {(short)sum} ({(ushort)sum} unsigned) but the header {header.Path} gives {expected}");
                }
            }
        }
    }

    private static SafeFileHandle Open(WfdbHeader header, string file)
    {
        try
        {
            return File.OpenHandle(file);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InvalidRecordException(file, "missing", $"signal file named in {header.Path} not found", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidRecordException(file, "io", "cannot open signal file: " + e.Message, e);
        }
    }

    private static long Length(SafeFileHandle handle, string file)
    {
        try
        {
            return RandomAccess.GetLength(handle);
        }
        catch (IOException e)
        {
            throw new InvalidRecordException(file, "io", "cannot read signal file: " + e.Message, e);
        }
    }

    private static void ReadExactly(SafeFileHandle handle, string file, long offset, Span<byte> destination)
    {
        int done = 0;
        while (done < destination.Length)
        {
            int read;
            try
            {
                read = RandomAccess.Read(handle, destination[done..], offset + done);
            }
            catch (IOException e)
            {
                throw new InvalidRecordException(file, "io", "cannot read signal file: " + e.Message, e);
            }
            if (read == 0)
            {
                throw new InvalidRecordException(file, "truncated", $"ended after {offset + done} bytes while {offset + destination.Length} were expected");
            }
            done += read;
        }
    }
}
