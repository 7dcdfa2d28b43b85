using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace EcgXai.Signals;

/// <summary>
/// Decodes a WFDB signal file's byte stream into digital samples. A file holding several signals stores them
/// frame by frame (sample t of every signal, then sample t+1), so the stream is decoded as one sequence and
/// sample <c>k</c> belongs to signal <c>k % signalsInFile</c>.
/// </summary>
internal static class WfdbSampleCodec
{
    /// <summary>True when <paramref name="code"/> names a format this codec decodes.</summary>
    public static bool IsKnown(int code) => Enum.IsDefined(typeof(WfdbFormat), code);

    /// <summary>The fewest bytes that hold <paramref name="samples"/> samples (a last, partial group stores only the bytes its samples touch).</summary>
    public static long MinimumBytes(WfdbFormat format, long samples) => format switch
    {
        WfdbFormat.Difference8 or WfdbFormat.Offset8 => samples,
        WfdbFormat.Int16 or WfdbFormat.Int16BigEndian or WfdbFormat.Offset16 => 2 * samples,
        WfdbFormat.Int24 => 3 * samples,
        WfdbFormat.Int32 => 4 * samples,
        WfdbFormat.Packed212 => samples / 2 * 3 + (samples % 2) * 2,
        WfdbFormat.Packed310 => samples / 3 * 4 + (samples % 3) * 2,
        WfdbFormat.Packed311 => samples / 3 * 4 + (samples % 3 == 0 ? 0 : samples % 3 + 1),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown WFDB format"),
    };

    /// <summary>The bytes of <paramref name="samples"/> samples with the last group padded to its full size.</summary>
    public static long PaddedBytes(WfdbFormat format, long samples) => format switch
    {
        WfdbFormat.Packed212 => (samples + 1) / 2 * 3,
        WfdbFormat.Packed310 or WfdbFormat.Packed311 => (samples + 2) / 3 * 4,
        _ => MinimumBytes(format, samples),
    };

    /// <summary>How many whole samples <paramref name="bytes"/> bytes hold.</summary>
    public static long SamplesIn(WfdbFormat format, long bytes) => format switch
    {
        WfdbFormat.Difference8 or WfdbFormat.Offset8 => bytes,
        WfdbFormat.Int16 or WfdbFormat.Int16BigEndian or WfdbFormat.Offset16 => bytes / 2,
        WfdbFormat.Int24 => bytes / 3,
        WfdbFormat.Int32 => bytes / 4,
        WfdbFormat.Packed212 => bytes / 3 * 2 + (bytes % 3 >= 2 ? 1 : 0),
        WfdbFormat.Packed310 => bytes / 4 * 3 + (bytes % 4) / 2,
        WfdbFormat.Packed311 => bytes / 4 * 3 + (bytes % 4 >= 2 ? bytes % 4 - 1 : 0),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown WFDB format"),
    };

    /// <summary>
    /// Decodes <c>destination.Length</c> samples from <paramref name="source"/>, which must hold at least
    /// <see cref="MinimumBytes"/> bytes. <paramref name="initialValues"/> (one per signal of the file) seed format 8.
    /// </summary>
    public static void Decode(WfdbFormat format, ReadOnlySpan<byte> source, Span<int> destination, ReadOnlySpan<int> initialValues)
    {
        int n = destination.Length;
        switch (format)
        {
            case WfdbFormat.Difference8:
                DecodeDifferences(source, destination, initialValues);
                break;
            case WfdbFormat.Offset8:
                for (int i = 0; i < n; i++)
                {
                    destination[i] = source[i] - 128;
                }
                break;
            case WfdbFormat.Int16:
                ReadOnlySpan<short> words = MemoryMarshal.Cast<byte, short>(source[..(2 * n)]);
                for (int i = 0; i < words.Length; i++)
                {
                    destination[i] = BitConverter.IsLittleEndian ? words[i] : BinaryPrimitives.ReverseEndianness(words[i]);
                }
                break;
            case WfdbFormat.Int16BigEndian:
                for (int i = 0; i < n; i++)
                {
                    destination[i] = BinaryPrimitives.ReadInt16BigEndian(source[(2 * i)..]);
                }
                break;
            case WfdbFormat.Offset16:
                for (int i = 0; i < n; i++)
                {
                    destination[i] = BinaryPrimitives.ReadUInt16LittleEndian(source[(2 * i)..]) - 32768;
                }
                break;
            case WfdbFormat.Int24:
                for (int i = 0; i < n; i++)
                {
                    int o = 3 * i;
                    destination[i] = (source[o] | (source[o + 1] << 8) | (source[o + 2] << 16)) << 8 >> 8;
                }
                break;
            case WfdbFormat.Int32:
                for (int i = 0; i < n; i++)
                {
                    destination[i] = BinaryPrimitives.ReadInt32LittleEndian(source[(4 * i)..]);
                }
                break;
            case WfdbFormat.Packed212:
                DecodeGroups(source, destination, 2, 3, Decode212);
                break;
            case WfdbFormat.Packed310:
                DecodeGroups(source, destination, 3, 4, Decode310);
                break;
            case WfdbFormat.Packed311:
                DecodeGroups(source, destination, 3, 4, Decode311);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "unknown WFDB format");
        }
    }

    private delegate void GroupDecoder(ReadOnlySpan<byte> group, Span<int> samples);

    private static void DecodeDifferences(ReadOnlySpan<byte> source, Span<int> destination, ReadOnlySpan<int> initialValues)
    {
        int signals = initialValues.Length;
        Span<int> previous = signals <= 64 ? stackalloc int[signals] : new int[signals];
        initialValues.CopyTo(previous);
        for (int i = 0, s = 0; i < destination.Length; i++)
        {
            previous[s] += (sbyte)source[i];
            destination[i] = previous[s];
            if (++s == signals)
            {
                s = 0;
            }
        }
    }

    /// <summary>Decodes whole groups in place and the last partial group from a zero-padded copy.</summary>
    private static void DecodeGroups(ReadOnlySpan<byte> source, Span<int> destination, int samplesPerGroup, int bytesPerGroup, GroupDecoder decode)
    {
        int groups = destination.Length / samplesPerGroup;
        for (int g = 0; g < groups; g++)
        {
            decode(source.Slice(g * bytesPerGroup, bytesPerGroup), destination.Slice(g * samplesPerGroup, samplesPerGroup));
        }
        int rest = destination.Length - groups * samplesPerGroup;
        if (rest > 0)
        {
            Span<byte> padded = stackalloc byte[bytesPerGroup];
            padded.Clear();
            ReadOnlySpan<byte> tail = source[(groups * bytesPerGroup)..];
            tail[..Math.Min(tail.Length, bytesPerGroup)].CopyTo(padded);
            Span<int> samples = stackalloc int[samplesPerGroup];
            decode(padded, samples);
            samples[..rest].CopyTo(destination[(groups * samplesPerGroup)..]);
        }
    }

    private static void Decode212(ReadOnlySpan<byte> b, Span<int> s)
    {
        s[0] = SignExtend(b[0] | ((b[1] & 0x0F) << 8), 12);
        s[1] = SignExtend(b[2] | ((b[1] & 0xF0) << 4), 12);
    }

    private static void Decode310(ReadOnlySpan<byte> b, Span<int> s)
    {
        int x = b[0] | (b[1] << 8);
        int y = b[2] | (b[3] << 8);
        s[0] = SignExtend((x >> 1) & 0x3FF, 10);
        s[1] = SignExtend((y >> 1) & 0x3FF, 10);
        s[2] = SignExtend(((x >> 11) & 0x1F) | ((y >> 6) & 0x3E0), 10);
    }

    private static void Decode311(ReadOnlySpan<byte> b, Span<int> s)
    {
        uint w = BinaryPrimitives.ReadUInt32LittleEndian(b);
        s[0] = SignExtend((int)(w & 0x3FF), 10);
        s[1] = SignExtend((int)((w >> 10) & 0x3FF), 10);
        s[2] = SignExtend((int)((w >> 20) & 0x3FF), 10);
    }

    private static int SignExtend(int value, int bits) => value << (32 - bits) >> (32 - bits);
}
