using System.Globalization;
using EcgXai.IO;

namespace EcgXai.Signals;

/// <summary>The grammar of a single-segment WFDB header; every error names the file, the line and the field.</summary>
internal static class WfdbHeaderParser
{
    private static readonly char[] Blanks = [' ', '\t'];

    /// <summary>Most samples per signal a header may declare: what one .NET array of the record's values can hold.</summary>
    public const long MaxSampleCount = int.MaxValue;

    public static WfdbHeader Parse(string text, string path)
    {
        if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            int at = text.TakeWhile(c => !char.IsControl(c) || c is '\n' or '\r' or '\t').Count();
            throw new InvalidRecordException(path, "header", $"not a WFDB header (a control character at byte {at}; a header is text)");
        }
        string[] lines = text.Split('\n');
        var comments = new List<string>();
        var signalLines = new List<(int Number, string Text)>();
        (int Number, string Text)? recordLine = null;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }
            if (line[0] == '#')
            {
                comments.Add(line[1..].Trim());
            }
            else if (recordLine is null)
            {
                recordLine = (i + 1, line);
            }
            else
            {
                signalLines.Add((i + 1, line));
            }
        }
        if (recordLine is not { } record)
        {
            throw Error(path, 1, "no record line");
        }

        string[] fields = record.Text.Split(Blanks, 5, StringSplitOptions.RemoveEmptyEntries);
        string name = fields[0];
        if (!IsRecordName(name))
        {
            throw Error(path, record.Number, $"not a WFDB header: the record line starts with '{Shown(name)}', not a record name");
        }
        if (name.Contains('/'))
        {
            throw new InvalidRecordException(path, "unsupported", $"line {record.Number}: multi-segment record '{name}' is not supported");
        }
        if (name.EndsWith(".mat", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^4];
        }
        int signalCount = fields.Length > 1 ? ParseInt(fields[1], path, record.Number, "number of signals") : 0;
        double sampleRate = WfdbHeader.DefaultSampleRate;
        if (fields.Length > 2)
        {
            string fs = fields[2].Split('/')[0];
            sampleRate = ParseDouble(fs, path, record.Number, "sampling frequency");
            if (!(sampleRate > 0) || double.IsInfinity(sampleRate))
            {
                throw Error(path, record.Number, $"sampling frequency '{fields[2]}' is not positive");
            }
        }
        int? sampleCount = null;
        if (fields.Length > 3)
        {
            sampleCount = ParseSampleCount(fields[3], path, record.Number);
        }
        string? startTime = fields.Length > 4 ? fields[4].Trim() : null;
        if (signalLines.Count != signalCount)
        {
            throw Error(path, record.Number, $"record line declares {signalCount} signals but the header has {signalLines.Count} signal lines");
        }

        var signals = new WfdbSignalSpec[signalCount];
        for (int i = 0; i < signalCount; i++)
        {
            signals[i] = ParseSignal(signalLines[i].Text, path, signalLines[i].Number);
        }

        double? age = null;
        var sex = Sex.Unknown;
        var labels = new List<string>();
        foreach (string comment in comments)
        {
            int colon = comment.IndexOf(':');
            if (colon <= 0)
            {
                continue;
            }
            string key = comment[..colon].Trim();
            string value = comment[(colon + 1)..].Trim();
            if (key.Equals("Age", StringComparison.OrdinalIgnoreCase))
            {
                age = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double a) && double.IsFinite(a) && a >= 0 ? a : null;
            }
            else if (key.Equals("Sex", StringComparison.OrdinalIgnoreCase))
            {
                sex = SexText.Parse(value);
            }
            else if (key.Equals("Dx", StringComparison.OrdinalIgnoreCase) || key.Equals("Labels", StringComparison.OrdinalIgnoreCase))
            {
                labels.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
        }
        return new WfdbHeader(path, name, sampleRate, sampleCount, startTime, signals, comments, age, sex, labels);
    }

    private static WfdbSignalSpec ParseSignal(string line, string path, int number)
    {
        string[] f = line.Split(Blanks, 9, StringSplitOptions.RemoveEmptyEntries);
        string file = f[0];
        if (f.Length < 2)
        {
            throw Error(path, number, $"signal line names file '{file}' but no format");
        }
        (WfdbFormat format, int perFrame, int skew, long offset) = ParseFormat(f[1], path, number);

        double gain = WfdbSignalSpec.DefaultGain;
        bool calibrated = false;
        int? baseline = null;
        string units = "mV";
        if (f.Length > 2)
        {
            string spec = f[2];
            int slash = spec.IndexOf('/');
            if (slash >= 0)
            {
                units = spec[(slash + 1)..];
                spec = spec[..slash];
            }
            int open = spec.IndexOf('(');
            if (open >= 0)
            {
                if (!spec.EndsWith(')'))
                {
                    throw Error(path, number, $"gain '{f[2]}': baseline lacks its ')'");
                }
                baseline = ParseInt(spec[(open + 1)..^1], path, number, "baseline");
                spec = spec[..open];
            }
            double g = ParseDouble(spec, path, number, "gain");
            if (!double.IsFinite(g))
            {
                throw Error(path, number, $"gain '{f[2]}' is not finite");
            }
            if (g != 0)
            {
                gain = g;
                calibrated = true;
            }
        }
        int adcResolution = f.Length > 3 ? ParseInt(f[3], path, number, "ADC resolution") : 0;
        int adcZero = f.Length > 4 ? ParseInt(f[4], path, number, "ADC zero") : 0;
        int? initial = f.Length > 5 ? ParseInt(f[5], path, number, "initial value") : null;
        int? checksum = f.Length > 6 ? ParseInt(f[6], path, number, "checksum") : null;
        int blockSize = f.Length > 7 ? ParseInt(f[7], path, number, "block size") : 0;
        string description = f.Length > 8 ? f[8].Trim() : "";
        return new WfdbSignalSpec(file, format, perFrame, skew, offset, gain, calibrated, baseline ?? adcZero, units,
            adcResolution, adcZero, initial, checksum == 0 ? null : checksum, blockSize, description);
    }

    /// <summary>Parses <c>fmt[xN][:skew][+offset]</c>.</summary>
    private static (WfdbFormat Format, int PerFrame, int Skew, long Offset) ParseFormat(string text, string path, int number)
    {
        int end = text.IndexOfAny(['x', ':', '+']);
        string code = end < 0 ? text : text[..end];
        int format = ParseInt(code, path, number, "format");
        if (!WfdbSampleCodec.IsKnown(format))
        {
            throw new InvalidRecordException(path, "format", $"line {number}: unknown or unsupported signal format {format} (WFDB formats 8, 16, 24, 32, 61, 80, 160, 212, 310, 311 are read)");
        }
        int perFrame = 1, skew = 0;
        long offset = 0;
        while (end >= 0)
        {
            char tag = text[end];
            int next = text.IndexOfAny(['x', ':', '+'], end + 1);
            string value = next < 0 ? text[(end + 1)..] : text[(end + 1)..next];
            switch (tag)
            {
                case 'x':
                    perFrame = ParseInt(value, path, number, "samples per frame");
                    break;
                case ':':
                    skew = ParseInt(value, path, number, "skew");
                    break;
                default:
                    offset = long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long o) && o >= 0
                        ? o
                        : throw Error(path, number, $"byte offset '{value}' is not a non-negative integer");
                    break;
            }
            end = next;
        }
        if (perFrame < 1)
        {
            throw Error(path, number, $"samples per frame {perFrame} is not positive");
        }
        return ((WfdbFormat)format, perFrame, skew, offset);
    }

    /// <summary>The number of samples per signal, or null for 0 (the signal files decide).</summary>
    private static int? ParseSampleCount(string text, string path, int line)
    {
        if (text.Length > 0 && text.All(char.IsAsciiDigit))
        {
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long n) && n <= MaxSampleCount
                ? n == 0 ? null : (int)n
                : throw Error(path, line, $"number of samples {Shown(text)} is more than a record can hold (at most {MaxSampleCount} per signal)");
        }
        return text.StartsWith('-') && text.Length > 1 && text[1..].All(char.IsAsciiDigit)
            ? throw Error(path, line, $"number of samples '{text}' is negative")
            : throw Error(path, line, $"number of samples '{Shown(text)}' is not an integer");
    }

    /// <summary>A record name is printable ASCII: letters, digits, <c>_ - . /</c> (a <c>/</c> marks a multi-segment record).</summary>
    private static bool IsRecordName(string name) =>
        name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/' or '~' or '+');

    /// <summary><paramref name="text"/> for a message: non-printable characters as <c>?</c>, at most 40 characters.</summary>
    private static string Shown(string text)
    {
        string printable = new(text.Select(c => c is >= ' ' and <= '~' ? c : '?').ToArray());
        return printable.Length > 40 ? printable[..40] + "…" : printable;
    }

    private static int ParseInt(string text, string path, int line, string field) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v)
            ? v
            : throw Error(path, line, $"{field} '{Shown(text)}' is not an integer");

    private static double ParseDouble(string text, string path, int line, string field) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)
            ? v
            : throw Error(path, line, $"{field} '{Shown(text)}' is not a number");

    private static InvalidRecordException Error(string path, int line, string problem) =>
        new(path, "header", $"line {line}: {problem}");
}
