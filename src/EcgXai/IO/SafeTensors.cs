using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace EcgXai.IO;

/// <summary>
/// Reader and writer of the safetensors format: an 8-byte little-endian header length, a JSON header
/// (<c>name → {dtype, shape, data_offsets}</c>, optional <c>__metadata__</c> string map), then raw little-endian data.
/// </summary>
public static class SafeTensors
{
    /// <summary>Largest JSON header accepted, in bytes (the reference implementation's limit).</summary>
    public const long MaxHeaderLength = 100_000_000;

    /// <summary>Bytes copied between a file and a tensor at a time.</summary>
    private const int ChunkBytes = 1 << 26;

    /// <summary>
    /// Reads every tensor of <paramref name="path"/> as CPU tensors with their stored dtype, and the metadata. The file
    /// is streamed: the header is read and checked against the file's length (64-bit offsets), then each tensor is read
    /// from its offset, so files above 2 GB and tensors above 2 GB are read without holding the file in memory.
    /// </summary>
    /// <exception cref="EcgXaiException">The file is missing, truncated or its header is corrupt (named in the message).</exception>
    public static (Dictionary<string, Tensor> Tensors, Dictionary<string, string> Metadata) Read(string path)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.RandomAccess);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new EcgXaiException(path, "file not found", e);
        }
        using (stream)
        {
            var (entries, metadata, dataStart) = ReadHeader(path, stream);
            var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
            try
            {
                foreach (var entry in entries)
                {
                    tensors[entry.Name] = ReadTensor(path, stream, dataStart, entry);
                }
            }
            catch
            {
                foreach (Tensor t in tensors.Values)
                {
                    t.Dispose();
                }
                throw;
            }
            return (tensors, metadata);
        }
    }

    /// <summary>Writes <paramref name="tensors"/> (any device; copied to CPU, contiguous) with <paramref name="metadata"/>, atomically, streaming each tensor.</summary>
    public static void Write(string path, IEnumerable<KeyValuePair<string, Tensor>> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var header = new JsonObject();
        if (metadata is { Count: > 0 })
        {
            var meta = new JsonObject();
            foreach (var (k, v) in metadata)
            {
                meta[k] = v;
            }
            header["__metadata__"] = meta;
        }
        using var scope = NewDisposeScope();
        var ordered = new List<Tensor>();
        long offset = 0;
        foreach (var (name, tensor) in tensors.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Tensor cpu = tensor.detach().cpu().contiguous();
            long length = cpu.NumberOfElements * ElementSize(cpu.dtype);
            header[name] = new JsonObject
            {
                ["dtype"] = DTypeName(cpu.dtype),
                ["shape"] = new JsonArray(cpu.shape.Select(s => (JsonNode)s).ToArray()),
                ["data_offsets"] = new JsonArray(offset, offset + length),
            };
            offset += length;
            ordered.Add(cpu);
        }
        byte[] json = Encoding.UTF8.GetBytes(header.ToJsonString());
        int pad = (8 - json.Length % 8) % 8;
        byte[] headerBytes = new byte[json.Length + pad];
        json.CopyTo(headerBytes, 0);
        headerBytes.AsSpan(json.Length).Fill((byte)' ');
        AtomicFile.Write(path, s =>
        {
            Span<byte> len = stackalloc byte[8];
            BinaryPrimitives.WriteInt64LittleEndian(len, headerBytes.Length);
            s.Write(len);
            s.Write(headerBytes);
            foreach (Tensor t in ordered)
            {
                ForEachChunk(t, chunk => s.Write(chunk.bytes));
            }
        });
    }

    private static (List<Entry> Entries, Dictionary<string, string> Metadata, long DataStart) ReadHeader(string path, FileStream stream)
    {
        long fileLength = stream.Length;
        Span<byte> lengthBytes = stackalloc byte[8];
        if (fileLength < 8)
        {
            throw new EcgXaiException(path, $"truncated safetensors file: {fileLength} bytes, no header length");
        }
        stream.ReadExactly(lengthBytes);
        long headerLength = BinaryPrimitives.ReadInt64LittleEndian(lengthBytes);
        if (headerLength <= 0 || headerLength > MaxHeaderLength || headerLength > fileLength - 8)
        {
            throw new EcgXaiException(path, $"corrupt safetensors header length {headerLength} for a file of {fileLength} bytes");
        }
        byte[] headerBytes = new byte[headerLength];
        stream.ReadExactly(headerBytes);
        JsonObject header;
        try
        {
            header = JsonNode.Parse(headerBytes) as JsonObject
                ?? throw new EcgXaiException(path, "safetensors header is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new EcgXaiException(path, "safetensors header is not valid JSON: " + e.Message, e);
        }
        long dataStart = 8 + headerLength;
        var entries = new List<Entry>();
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, node) in header)
        {
            if (name == "__metadata__")
            {
                foreach (var (key, value) in node as JsonObject ?? throw Corrupt(path, "'__metadata__' is not an object"))
                {
                    metadata[key] = value is JsonValue v && v.TryGetValue(out string? text) ? text : throw Corrupt(path, $"metadata '{key}' is not a string");
                }
                continue;
            }
            Entry entry = ParseEntry(path, name, node);
            if (dataStart + entry.End > fileLength)
            {
                throw new EcgXaiException(path, $"truncated safetensors file: tensor '{name}' ends at byte {dataStart + entry.End} of a file of {fileLength} bytes");
            }
            entries.Add(entry);
        }
        return (entries, metadata, dataStart);
    }

    private static Entry ParseEntry(string path, string name, JsonNode? node)
    {
        try
        {
            var entry = node as JsonObject ?? throw Corrupt(path, $"tensor '{name}' is not an object");
            string dtype = entry["dtype"]?.GetValue<string>() ?? throw Corrupt(path, $"tensor '{name}' has no dtype");
            long[] shape = (entry["shape"] as JsonArray ?? throw Corrupt(path, $"tensor '{name}' has no shape")).Select(v => v?.GetValue<long>() ?? -1).ToArray();
            var offsets = entry["data_offsets"] as JsonArray;
            if (offsets is not { Count: 2 })
            {
                throw Corrupt(path, $"tensor '{name}' has no [begin, end] data_offsets");
            }
            long begin = offsets[0]?.GetValue<long>() ?? -1, end = offsets[1]?.GetValue<long>() ?? -1;
            ScalarType type = ParseDType(path, name, dtype);
            long expected = shape.Any(d => d < 0) ? -1 : checked(shape.Aggregate(1L, (a, b) => a * b) * ElementSize(type));
            if (begin < 0 || end - begin != expected)
            {
                throw Corrupt(path, $"tensor '{name}' has inconsistent offsets [{begin}, {end}) for shape [{string.Join(", ", shape)}] {dtype}");
            }
            return new Entry(name, type, shape, begin, end);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or OverflowException)
        {
            throw Corrupt(path, $"tensor '{name}' has a malformed entry ({e.Message})");
        }
    }

    private static Tensor ReadTensor(string path, FileStream stream, long dataStart, Entry entry)
    {
        var t = empty(entry.Shape, entry.Type);
        try
        {
            stream.Seek(dataStart + entry.Begin, SeekOrigin.Begin);
            ForEachChunk(t, chunk => stream.ReadExactly(chunk.bytes));
            return t;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException)
        {
            t.Dispose();
            throw new EcgXaiException(path, $"cannot read tensor '{entry.Name}': {e.Message}", e);
        }
    }

    /// <summary>Calls <paramref name="action"/> on consecutive views of contiguous <paramref name="tensor"/>, each at most <see cref="ChunkBytes"/> bytes.</summary>
    private static void ForEachChunk(Tensor tensor, Action<Tensor> action)
    {
        long count = tensor.NumberOfElements;
        long step = Math.Max(1, ChunkBytes / ElementSize(tensor.dtype));
        using Tensor flat = tensor.view(-1);
        for (long start = 0; start < count; start += step)
        {
            using Tensor chunk = flat.narrow(0, start, Math.Min(step, count - start));
            action(chunk);
        }
    }

    private static EcgXaiException Corrupt(string path, string problem) => new(path, "corrupt safetensors header: " + problem);

    private sealed record Entry(string Name, ScalarType Type, long[] Shape, long Begin, long End);

    private static ScalarType ParseDType(string path, string name, string dtype) => dtype switch
    {
        "F64" => ScalarType.Float64,
        "F32" => ScalarType.Float32,
        "F16" => ScalarType.Float16,
        "BF16" => ScalarType.BFloat16,
        "I64" => ScalarType.Int64,
        "I32" => ScalarType.Int32,
        "I16" => ScalarType.Int16,
        "I8" => ScalarType.Int8,
        "U8" => ScalarType.Byte,
        "BOOL" => ScalarType.Bool,
        _ => throw new EcgXaiException(path, $"tensor '{name}' has unsupported dtype '{dtype}'"),
    };

    private static string DTypeName(ScalarType type) => type switch
    {
        ScalarType.Float64 => "F64",
        ScalarType.Float32 => "F32",
        ScalarType.Float16 => "F16",
        ScalarType.BFloat16 => "BF16",
        ScalarType.Int64 => "I64",
        ScalarType.Int32 => "I32",
        ScalarType.Int16 => "I16",
        ScalarType.Int8 => "I8",
        ScalarType.Byte => "U8",
        ScalarType.Bool => "BOOL",
        _ => throw new ArgumentException($"safetensors cannot store dtype {type}"),
    };

    private static int ElementSize(ScalarType type) => type switch
    {
        ScalarType.Float64 or ScalarType.Int64 => 8,
        ScalarType.Float32 or ScalarType.Int32 => 4,
        ScalarType.Float16 or ScalarType.BFloat16 or ScalarType.Int16 => 2,
        _ => 1,
    };
}
