using System.Globalization;
using System.Text;

namespace EcgXai.Signals;

/// <summary>
/// Prints a WFDB record like the WFDB library's <c>rdsamp</c>: one line per sample without a sample-number
/// column, the chosen signals' values right-aligned in 7 columns and separated by tabs; digital integers, or
/// physical values at <see cref="WfdbDumpOptions.Precision"/>, a missing sample (the format's invalid-sample value)
/// printed as <c>-</c> as rdsamp does.
/// </summary>
public static class WfdbDump
{
    /// <summary>The lines of the dump (read lazily after the record has been read and verified).</summary>
    /// <exception cref="IO.InvalidRecordException">The record is unreadable or corrupt.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The sample range or a channel lies outside the record.</exception>
    public static IEnumerable<string> Lines(WfdbDumpOptions options)
    {
        if (options.AnnotationExtension is { } extension)
        {
            return Annotations.WfdbAnnotationDump.Lines(options.RecordPath, extension);
        }
        WfdbDigitalRecord record = WfdbRecordReader.ReadDigital(options.RecordPath);
        int n = record.SampleCount;
        int signalCount = record.Header.Signals.Count;
        int to = options.To ?? n;
        if (options.From < 0 || options.From > n)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"{record.Header.Path}: first sample {options.From} is outside the record's {n} samples");
        }
        if (to < options.From || to > n)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"{record.Header.Path}: end sample {to} is not between {options.From} and the record's {n} samples");
        }
        IReadOnlyList<int> channels = options.Channels ?? Enumerable.Range(0, signalCount).ToArray();
        foreach (int c in channels)
        {
            if (c < 0 || c >= signalCount)
            {
                throw new ArgumentOutOfRangeException(nameof(options), $"{record.Header.Path}: signal {c} does not exist (the record has {signalCount}, numbered from 0)");
            }
        }
        string[] formats = channels.Select(c => options.Physical ? PhysicalFormat(record.Header.Signals[c].Gain, options.Precision) : "{0,7}").ToArray();
        return Format(record, options.Physical, options.From, to, channels, formats);
    }

    /// <summary>Decimals that resolve one ADC step of <paramref name="gain"/> units per physical unit.</summary>
    public static int Decimals(double gain) => Math.Clamp((int)Math.Ceiling(Math.Log10(Math.Abs(gain)) - 1e-9), 0, 12);

    /// <summary>
    /// The fewest decimals in which every value k / <paramref name="gain"/> (k an integer) is exact, i.e. the least d with
    /// 10^d / gain an integer; null when there is none up to 15 (the values do not terminate, e.g. a gain of 3).
    /// </summary>
    public static int? ExactDecimals(double gain)
    {
        if (!(Math.Abs(gain) is >= 1e-12 and <= 1e15))
        {
            return null;
        }
        decimal g = Math.Abs((decimal)gain);
        decimal power = 1;
        for (int d = 0; d <= 15; d++, power *= 10)
        {
            if (power % g == 0)
            {
                return d;
            }
        }
        return null;
    }

    private static string PhysicalFormat(double gain, WfdbDumpPrecision precision) =>
        precision == WfdbDumpPrecision.Resolution
            ? "{0,7:F" + Decimals(gain) + "}"
            : ExactDecimals(gain) is { } d ? "{0,7:F" + Math.Max(d, Decimals(gain)) + "}" : "{0,7:R}";

    private static IEnumerable<string> Format(WfdbDigitalRecord record, bool physical, int from, int to, IReadOnlyList<int> channels, string[] formats)
    {
        var line = new StringBuilder();
        for (int t = from; t < to; t++)
        {
            line.Clear();
            for (int i = 0; i < channels.Count; i++)
            {
                if (i > 0)
                {
                    line.Append('\t');
                }
                int c = channels[i];
                int digital = record.Samples[c][t];
                if (!physical)
                {
                    line.AppendFormat(CultureInfo.InvariantCulture, formats[i], digital);
                }
                else if (record.Header.Signals[c].IsInvalid(digital))
                {
                    line.Append(' ', 6).Append('-');
                }
                else
                {
                    line.AppendFormat(CultureInfo.InvariantCulture, formats[i], record.Header.Signals[c].ToPhysical(digital));
                }
            }
            yield return line.ToString();
        }
    }
}
