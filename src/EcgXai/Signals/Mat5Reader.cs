using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using EcgXai.IO;

namespace EcgXai.Signals;

/// <summary>
/// Reads MATLAB 5 (Level 5) MAT files: the 128-byte header, compressed (zlib) and plain elements, and
/// matrices of class struct, cell, char and every numeric class (real part). Sparse, object and complex arrays
/// are refused. Every error is an <see cref="InvalidRecordException"/> naming the file, the byte offset and the problem.
/// Compressed elements are inflated as a stream, matrix by matrix, each bounded by the size its tag declares and all
/// together by a byte limit, so a small file that would inflate to gigabytes is refused before it is inflated.
/// </summary>
public static class Mat5Reader
{
    /// <summary>Default limit of the bytes a file may hold or inflate to: 256 MB (a 60 s, 12-lead, 500 Hz record in doubles is under 3 MB).</summary>
    public const long DefaultMaxBytes = 256L << 20;

    private const int HeaderSize = 128;
    private const int MiInt8 = 1, MiUInt8 = 2, MiInt16 = 3, MiUInt16 = 4, MiInt32 = 5, MiUInt32 = 6, MiSingle = 7,
        MiDouble = 9, MiInt64 = 12, MiUInt64 = 13, MiMatrix = 14, MiCompressed = 15, MiUtf8 = 16, MiUtf16 = 17, MiUtf32 = 18;

    /// <summary>The top-level variables of <paramref name="path"/> by name.</summary>
    /// <param name="path">The MAT file.</param>
    /// <param name="maxBytes">Most bytes the file may hold and its compressed elements may inflate to (reason "too-large" beyond).</param>
    /// <exception cref="InvalidRecordException">The file is missing, not MAT 5, truncated, too large or has a corrupt or unsupported element.</exception>
    public static IReadOnlyDictionary<string, Mat5Array> Read(string path, long maxBytes = DefaultMaxBytes)
    {
        byte[] bytes;
        try
        {
            long length = new FileInfo(path).Length;
            if (length > maxBytes)
            {
                throw new InvalidRecordException(path, "too-large", $"MAT file holds {length} bytes, more than the limit of {maxBytes}");
            }
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InvalidRecordException(path, "missing", "MAT file not found", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidRecordException(path, "io", "cannot read MAT file: " + e.Message, e);
        }
        return Parse(bytes, path, maxBytes);
    }

    /// <summary>Parses the bytes of a MAT 5 file; <paramref name="path"/> names the file in errors; compressed elements inflate to at most <paramref name="maxBytes"/> in all.</summary>
    public static IReadOnlyDictionary<string, Mat5Array> Parse(byte[] bytes, string path, long maxBytes = DefaultMaxBytes)
    {
        if (bytes.Length < HeaderSize || !Encoding.ASCII.GetString(bytes, 0, 6).Equals("MATLAB", StringComparison.Ordinal))
        {
            throw new InvalidRecordException(path, "format", "not a MATLAB 5 MAT file (no 128-byte 'MATLAB' header)");
        }
        bool bigEndian = (bytes[126], bytes[127]) switch
        {
            ((byte)'I', (byte)'M') => false,
            ((byte)'M', (byte)'I') => true,
            _ => throw new InvalidRecordException(path, "format", "MAT header has no endian indicator (MATLAB 7.3 HDF5 files are not MAT 5)"),
        };
        var reader = new Reader(path, bigEndian, maxBytes);
        var variables = new Dictionary<string, Mat5Array>(StringComparer.Ordinal);
        int offset = HeaderSize;
        while (offset < bytes.Length)
        {
            foreach (Mat5Array array in reader.TopLevel(bytes, ref offset))
            {
                variables[array.Name] = array;
            }
        }
        return variables;
    }

    /// <summary>Element parsing state: the file (for errors), its byte order and the bytes compressed elements may still inflate to.</summary>
    private sealed class Reader(string path, bool bigEndian, long maxBytes)
    {
        private readonly long limit = maxBytes;
        private long inflateBudget = maxBytes;

        /// <summary>The arrays of one top-level element (a compressed element may hold several).</summary>
        public IEnumerable<Mat5Array> TopLevel(byte[] bytes, ref int offset)
        {
            int start = offset;
            (int type, ReadOnlyMemory<byte> data) = Element(bytes, ref offset, "file");
            if (type == MiCompressed)
            {
                return Inflate(data, start);
            }
            return type == MiMatrix ? [Matrix(data.ToArray(), start)] : throw Corrupt(start, $"top-level element of data type {type} is not a matrix");
        }

        /// <summary>
        /// The matrices of a compressed element, inflated as a stream: each inner tag is read first, its declared size is
        /// checked against the remaining budget, and only then is that many bytes inflated.
        /// </summary>
        private List<Mat5Array> Inflate(ReadOnlyMemory<byte> data, int at)
        {
            var arrays = new List<Mat5Array>();
            try
            {
                using var input = new MemoryStream(data.ToArray(), writable: false);
                using var zlib = new ZLibStream(input, CompressionMode.Decompress);
                byte[] tag = new byte[8];
                long inflated = 0;
                while (true)
                {
                    int got = zlib.ReadAtLeast(tag, tag.Length, throwOnEndOfStream: false);
                    if (got == 0)
                    {
                        return arrays;
                    }
                    if (got < tag.Length)
                    {
                        throw new InvalidRecordException(path, "truncated", $"compressed element at byte {at}: inflated data end inside an element tag (after {inflated + got} bytes)");
                    }
                    int type = (int)U32(tag);
                    uint size = U32(tag.AsSpan(4));
                    if (type != MiMatrix)
                    {
                        throw Corrupt(at, $"compressed element holds data type {type}, not a matrix");
                    }
                    if (size > inflateBudget)
                    {
                        throw new InvalidRecordException(path, "too-large",
                            $"compressed element at byte {at} declares a matrix of {size} bytes, more than the {inflateBudget} left of the limit of {limit} bytes; not inflated");
                    }
                    inflateBudget -= size;
                    byte[] body = new byte[size];
                    got = zlib.ReadAtLeast(body, body.Length, throwOnEndOfStream: false);
                    if (got < body.Length)
                    {
                        throw new InvalidRecordException(path, "truncated", $"compressed element at byte {at} inflates to {got} bytes of a matrix that declares {size}");
                    }
                    inflated += 8 + size;
                    arrays.Add(Matrix(body, at));
                }
            }
            catch (InvalidDataException e)
            {
                throw Corrupt(at, "compressed element: corrupt zlib data (" + e.Message + ")", e);
            }
        }

        /// <summary>Reads a tag (long or small form) and its data at <paramref name="offset"/>, moving past the 8-byte padding.</summary>
        private (int Type, ReadOnlyMemory<byte> Data) Element(byte[] bytes, ref int offset, string where)
        {
            if (bytes.Length - offset < 8)
            {
                throw new InvalidRecordException(path, "truncated", $"{where}: element tag at byte {offset} is cut off");
            }
            uint first = U32(bytes.AsSpan(offset));
            if (first >> 16 != 0)
            {
                int smallType = (int)(first & 0xFFFF), smallSize = (int)(first >> 16);
                if (smallSize > 4)
                {
                    throw Corrupt(offset, $"{where}: small element claims {smallSize} bytes (at most 4)");
                }
                var small = new ReadOnlyMemory<byte>(bytes, offset + 4, smallSize);
                offset += 8;
                return (smallType, small);
            }
            int type = (int)first;
            uint size = U32(bytes.AsSpan(offset + 4));
            long end = offset + 8L + size;
            if (end > bytes.Length)
            {
                throw new InvalidRecordException(path, "truncated", $"{where}: element at byte {offset} claims {size} bytes but only {bytes.Length - offset - 8} follow");
            }
            var data = new ReadOnlyMemory<byte>(bytes, offset + 8, (int)size);
            offset = type == MiCompressed ? (int)end : (int)Math.Min(bytes.Length, (end + 7) & ~7L);
            return (type, data);
        }

        private Mat5Array Matrix(byte[] body, int at)
        {
            int offset = 0;
            (int flagsType, ReadOnlyMemory<byte> flags) = Element(body, ref offset, $"matrix at byte {at}");
            if (flagsType != MiUInt32 || flags.Length < 8)
            {
                throw Corrupt(at, "matrix lacks its array-flags subelement");
            }
            uint flagWord = U32(flags.Span);
            int classCode = (int)(flagWord & 0xFF);
            if (!Enum.IsDefined(typeof(Mat5Class), classCode))
            {
                throw new InvalidRecordException(path, "unsupported", $"matrix at byte {at}: array class {classCode} (sparse, object or unknown) is not supported");
            }
            if ((flagWord & 0x800) != 0)
            {
                throw new InvalidRecordException(path, "unsupported", $"matrix at byte {at}: complex arrays are not supported");
            }
            var cls = (Mat5Class)classCode;
            (int dimsType, ReadOnlyMemory<byte> dimsData) = Element(body, ref offset, $"matrix at byte {at}");
            int[] dims = dimsType == MiInt32 && dimsData.Length >= 8 && dimsData.Length % 4 == 0
                ? Integers(dimsData.Span)
                : throw Corrupt(at, "matrix lacks its dimensions subelement");
            if (dims.Any(d => d < 0))
            {
                throw Corrupt(at, $"negative dimension in [{string.Join(", ", dims)}]");
            }
            (int nameType, ReadOnlyMemory<byte> nameData) = Element(body, ref offset, $"matrix at byte {at}");
            if (nameType != MiInt8)
            {
                throw Corrupt(at, "matrix lacks its array-name subelement");
            }
            string name = Encoding.ASCII.GetString(nameData.Span);
            long count = dims.Aggregate(1L, (a, d) => a * d);
            if (cls is Mat5Class.Struct or Mat5Class.Cell && count > (body.Length - offset) / 8)
            {
                throw Corrupt(at, $"'{name}' claims {count} elements but only {body.Length - offset} bytes follow");
            }
            var empty = new Mat5Array(name, cls, dims, [], "", [], []);
            switch (cls)
            {
                case Mat5Class.Struct:
                    return empty with { Elements = Struct(body, ref offset, count, at) };
                case Mat5Class.Cell:
                    var cells = new Mat5Array[count];
                    for (long i = 0; i < count; i++)
                    {
                        cells[i] = Child(body, ref offset, at);
                    }
                    return empty with { Cells = cells };
                case Mat5Class.Char:
                    if (count == 0)
                    {
                        return empty;
                    }
                    (int charType, ReadOnlyMemory<byte> chars) = Element(body, ref offset, $"matrix at byte {at}");
                    return empty with { Text = Decode(charType, chars.Span, at) };
                default:
                    if (count == 0)
                    {
                        return empty;
                    }
                    (int realType, ReadOnlyMemory<byte> real) = Element(body, ref offset, $"matrix at byte {at}");
                    double[] numbers = Numbers(realType, real.Span, at);
                    return numbers.Length == count
                        ? empty with { Numbers = numbers }
                        : throw Corrupt(at, $"'{name}' has {numbers.Length} values but dimensions [{string.Join(" x ", dims)}]");
            }
        }

        private IReadOnlyDictionary<string, Mat5Array>[] Struct(byte[] body, ref int offset, long count, int at)
        {
            (int lenType, ReadOnlyMemory<byte> lenData) = Element(body, ref offset, $"struct at byte {at}");
            if (lenType != MiInt32 || lenData.Length != 4)
            {
                throw Corrupt(at, "struct lacks its field-name length");
            }
            int nameLength = Integers(lenData.Span)[0];
            (int namesType, ReadOnlyMemory<byte> namesData) = Element(body, ref offset, $"struct at byte {at}");
            if (namesType != MiInt8 || nameLength <= 0 || namesData.Length % nameLength != 0)
            {
                throw Corrupt(at, "struct field names are malformed");
            }
            string[] fields = new string[namesData.Length / nameLength];
            for (int f = 0; f < fields.Length; f++)
            {
                fields[f] = Encoding.ASCII.GetString(namesData.Span.Slice(f * nameLength, nameLength)).TrimEnd('\0');
            }
            var elements = new IReadOnlyDictionary<string, Mat5Array>[count];
            for (long i = 0; i < count; i++)
            {
                var map = new Dictionary<string, Mat5Array>(StringComparer.Ordinal);
                foreach (string field in fields)
                {
                    map[field] = Child(body, ref offset, at) with { Name = field };
                }
                elements[i] = map;
            }
            return elements;
        }

        private Mat5Array Child(byte[] body, ref int offset, int at)
        {
            int start = offset;
            (int type, ReadOnlyMemory<byte> data) = Element(body, ref offset, $"matrix at byte {at}");
            return type == MiMatrix ? Matrix(data.ToArray(), at) : throw Corrupt(at, $"member at byte {start} of the matrix has data type {type}, not a matrix");
        }

        private string Decode(int type, ReadOnlySpan<byte> data, int at) => type switch
        {
            MiUtf8 or MiInt8 or MiUInt8 => Encoding.UTF8.GetString(data),
            MiUInt16 or MiUtf16 => (bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode).GetString(data),
            MiUtf32 => (bigEndian ? new UTF32Encoding(true, false) : Encoding.UTF32).GetString(data),
            _ => throw Corrupt(at, $"char data of type {type}"),
        };

        private double[] Numbers(int type, ReadOnlySpan<byte> data, int at)
        {
            int size = type switch
            {
                MiInt8 or MiUInt8 => 1,
                MiInt16 or MiUInt16 => 2,
                MiInt32 or MiUInt32 or MiSingle => 4,
                MiDouble or MiInt64 or MiUInt64 => 8,
                _ => throw Corrupt(at, $"numeric data of type {type}"),
            };
            if (data.Length % size != 0)
            {
                throw Corrupt(at, $"{data.Length} bytes of data type {type} are not whole values");
            }
            var result = new double[data.Length / size];
            for (int i = 0; i < result.Length; i++)
            {
                ReadOnlySpan<byte> v = data.Slice(i * size, size);
                result[i] = type switch
                {
                    MiInt8 => (sbyte)v[0],
                    MiUInt8 => v[0],
                    MiInt16 => bigEndian ? BinaryPrimitives.ReadInt16BigEndian(v) : BinaryPrimitives.ReadInt16LittleEndian(v),
                    MiUInt16 => bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(v) : BinaryPrimitives.ReadUInt16LittleEndian(v),
                    MiInt32 => bigEndian ? BinaryPrimitives.ReadInt32BigEndian(v) : BinaryPrimitives.ReadInt32LittleEndian(v),
                    MiUInt32 => bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(v) : BinaryPrimitives.ReadUInt32LittleEndian(v),
                    MiSingle => bigEndian ? BinaryPrimitives.ReadSingleBigEndian(v) : BinaryPrimitives.ReadSingleLittleEndian(v),
                    MiDouble => bigEndian ? BinaryPrimitives.ReadDoubleBigEndian(v) : BinaryPrimitives.ReadDoubleLittleEndian(v),
                    MiInt64 => bigEndian ? BinaryPrimitives.ReadInt64BigEndian(v) : BinaryPrimitives.ReadInt64LittleEndian(v),
                    _ => bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(v) : BinaryPrimitives.ReadUInt64LittleEndian(v),
                };
            }
            return result;
        }

        private int[] Integers(ReadOnlySpan<byte> data)
        {
            var result = new int[data.Length / 4];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = (int)U32(data[(4 * i)..]);
            }
            return result;
        }

        private uint U32(ReadOnlySpan<byte> data) =>
            bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(data) : BinaryPrimitives.ReadUInt32LittleEndian(data);

        private InvalidRecordException Corrupt(int at, string problem, Exception? inner = null) =>
            new(path, "format", $"corrupt MAT element at byte {at}: {problem}", inner);
    }
}
