using System.Buffers.Binary;
using System.Text;
using EcgXai.IO;

namespace EcgXai.Signals.Annotations;

/// <summary>
/// Reads WFDB annotation files in MIT format (<c>.atr</c>, <c>.qrs</c>, ...): a sequence of little-endian 16-bit words,
/// 6 bits of code and 10 bits of data. A code up to 49 is an annotation whose data is the time since the previous one;
/// SKIP (59) adds the 32-bit interval that follows (high word first) to the time of the next annotation; NUM (60),
/// SUB (61) and CHN (62) set the fields of the annotation just read (NUM and CHN then carry over, as in the WFDB
/// library); AUX (63) attaches the data's number of bytes that follow (padded to an even count); a zero word ends the file.
/// </summary>
public static class WfdbAnnotationReader
{
    private const int Skip = 59, Num = 60, Sub = 61, Chn = 62, Aux = 63;

    /// <summary>The annotation file <c>RECORD.EXT</c> of a record given by its path without extension or its <c>.hea</c> file.</summary>
    public static string PathOf(string recordPath, string extension)
    {
        string stem = recordPath.EndsWith(".hea", StringComparison.OrdinalIgnoreCase) ? recordPath[..^4] : recordPath;
        return stem + "." + extension.TrimStart('.');
    }

    /// <summary>Reads every annotation of <paramref name="path"/>, in file order.</summary>
    /// <exception cref="InvalidRecordException">The file is missing, truncated or holds an invalid word.</exception>
    public static IReadOnlyList<WfdbAnnotation> Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InvalidRecordException(path, "missing", "annotation file not found", e);
        }
        return Parse(bytes, path);
    }

    /// <summary>Decodes the bytes of an MIT-format annotation file; <paramref name="path"/> only names it in errors.</summary>
    public static IReadOnlyList<WfdbAnnotation> Parse(ReadOnlySpan<byte> bytes, string path)
    {
        var result = new List<WfdbAnnotation>();
        long time = 0;
        int channel = 0, number = 0;
        int i = 0;
        while (true)
        {
            if (i + 2 > bytes.Length)
            {
                // Files written without the final zero word end here too (the WFDB library accepts them).
                if (i == bytes.Length)
                {
                    return result;
                }
                throw new InvalidRecordException(path, "truncated", $"odd byte count {bytes.Length}: the last word is incomplete");
            }
            int word = BinaryPrimitives.ReadUInt16LittleEndian(bytes[i..]);
            int at = i;
            i += 2;
            if (word == 0)
            {
                return result;
            }
            int code = word >> 10;
            int data = word & 0x3FF;
            switch (code)
            {
                case Skip:
                    if (i + 4 > bytes.Length)
                    {
                        throw new InvalidRecordException(path, "truncated", $"SKIP at byte {at} lacks its 32-bit interval");
                    }
                    time += (BinaryPrimitives.ReadUInt16LittleEndian(bytes[i..]) << 16) | BinaryPrimitives.ReadUInt16LittleEndian(bytes[(i + 2)..]);
                    i += 4;
                    break;
                case Num or Sub or Chn or Aux when result.Count == 0:
                    throw new InvalidRecordException(path, "format", $"a {Name(code)} field at byte {at} precedes the first annotation");
                case Num:
                    number = data;
                    result[^1] = result[^1] with { Number = data };
                    break;
                case Sub:
                    result[^1] = result[^1] with { SubType = data };
                    break;
                case Chn:
                    channel = data;
                    result[^1] = result[^1] with { Channel = data };
                    break;
                case Aux:
                    if (i + data > bytes.Length)
                    {
                        throw new InvalidRecordException(path, "truncated", $"aux field at byte {at} announces {data} bytes, {bytes.Length - i} remain");
                    }
                    result[^1] = result[^1] with { Aux = Encoding.Latin1.GetString(bytes.Slice(i, data)).TrimEnd('\0') };
                    i += data + (data & 1);
                    break;
                case > AnnotationCode.MaxCode:
                    throw new InvalidRecordException(path, "format", $"word 0x{word:X4} at byte {at} has the undefined code {code}");
                default:
                    time += data;
                    result.Add(new WfdbAnnotation(time, code, 0, channel, number, null));
                    break;
            }
        }
    }

    private static string Name(int code) => code switch
    {
        Num => "NUM",
        Sub => "SUB",
        Chn => "CHN",
        _ => "AUX",
    };
}
