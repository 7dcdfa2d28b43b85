using System.Buffers.Binary;
using System.Text;
using EcgXai.IO;
using EcgXai.Tests.Support;
using static TorchSharp.torch;

namespace EcgXai.Tests.Models;

public class SafeTensorsTests
{
    private const long Beyond2GiB = (1L << 31) + 8;

    /// <summary>A safetensors file of <paramref name="json"/> as header whose data section is <paramref name="dataLength"/> bytes (sparse: zeros are not written).</summary>
    private static string Handmade(TempDir dir, string json, long dataLength, params (long Offset, byte[] Bytes)[] data)
    {
        string path = dir.File("handmade.safetensors");
        byte[] header = Encoding.UTF8.GetBytes(json);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(length, header.Length);
        stream.Write(length);
        stream.Write(header);
        long dataStart = stream.Position;
        stream.SetLength(dataStart + dataLength);
        foreach (var (offset, bytes) in data)
        {
            stream.Seek(dataStart + offset, SeekOrigin.Begin);
            stream.Write(bytes);
        }
        return path;
    }

    private static byte[] Floats(params float[] values) => values.SelectMany(BitConverter.GetBytes).ToArray();

    [Fact]
    public void TensorsLargerThanOneChunkAndOfEveryKindRoundTrip()
    {
        using var dir = new TempDir();
        string path = dir.File("t.safetensors");
        using var big = arange((1L << 26) + 5, dtype: ScalarType.Int64).remainder(251).to(ScalarType.Byte);
        using var weights = randn(3, 5);
        using var flags = tensor(new[] { true, false, true });
        using var scalar = tensor(2.5);
        using var none = zeros(0, 4);
        using var strided = randn(4, 6).t();
        Write(path, ("big", big), ("w", weights), ("flags", flags), ("scalar", scalar), ("none", none), ("strided", strided));

        var (read, metadata) = SafeTensors.Read(path);

        Assert.Equal("v", metadata["k"]);
        foreach (var (name, expected) in new[] { ("big", big), ("w", weights), ("flags", flags), ("scalar", scalar), ("none", none), ("strided", strided) })
        {
            using Tensor actual = read[name];
            Assert.Equal(expected.dtype, actual.dtype);
            Assert.Equal(expected.shape, actual.shape);
            Assert.True(expected.eq(actual).all().item<bool>(), $"{name} differs");
        }
    }

    private static void Write(string path, params (string Name, Tensor Tensor)[] tensors) =>
        SafeTensors.Write(path, tensors.Select(t => KeyValuePair.Create(t.Name, t.Tensor)), new Dictionary<string, string> { ["k"] = "v" });

    [Fact]
    public void OffsetsBeyond2GiBAreReadWithoutReadingTheWholeFile()
    {
        using var dir = new TempDir();
        string json = $$$"""{"near":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"far":{"dtype":"F32","shape":[2,2],"data_offsets":[{{{Beyond2GiB}}},{{{Beyond2GiB + 16}}}]}}""";
        string path = Handmade(dir, json, Beyond2GiB + 16, (0, Floats(1, 2)), (Beyond2GiB, Floats(3, 4, 5, 6)));
        Assert.True(new FileInfo(path).Length > 1L << 31);
        long allocated = GC.GetAllocatedBytesForCurrentThread();

        var (tensors, _) = SafeTensors.Read(path);

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < 16 << 20, "the reader allocated as if it read the whole file");
        using Tensor near = tensors["near"], far = tensors["far"];
        Assert.Equal([1f, 2f], near.data<float>().ToArray());
        Assert.Equal([2L, 2L], far.shape);
        Assert.Equal([3f, 4f, 5f, 6f], far.data<float>().ToArray());
    }

    [Fact]
    public void ATruncatedFileIsRefusedNamingTheFileAndTheTensor()
    {
        using var dir = new TempDir();
        string json = $$$"""{"far":{"dtype":"F32","shape":[4],"data_offsets":[{{{Beyond2GiB}}},{{{Beyond2GiB + 16}}}]}}""";
        string path = Handmade(dir, json, Beyond2GiB + 15);

        var e = Assert.Throws<EcgXaiException>(() => SafeTensors.Read(path));

        Assert.Equal(path, e.Path);
        Assert.Contains("truncated safetensors file: tensor 'far' ends at byte", e.Message);
    }

    [Theory]
    [InlineData("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}""", "not valid JSON")]
    [InlineData("""[1, 2]""", "not a JSON object")]
    [InlineData("""{"a":{"shape":[2],"data_offsets":[0,8]}}""", "tensor 'a' has no dtype")]
    [InlineData("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0]}}""", "tensor 'a' has no [begin, end] data_offsets")]
    [InlineData("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,12]}}""", "tensor 'a' has inconsistent offsets [0, 12)")]
    [InlineData("""{"a":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}}""", "tensor 'a' has inconsistent offsets")]
    [InlineData("""{"a":{"dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,8]}}""", "tensor 'a' has a malformed entry")]
    [InlineData("""{"a":{"dtype":"F32","shape":["2"],"data_offsets":[0,8]}}""", "tensor 'a' has a malformed entry")]
    [InlineData("""{"a":{"dtype":"C64","shape":[1],"data_offsets":[0,8]}}""", "tensor 'a' has unsupported dtype 'C64'")]
    [InlineData("""{"__metadata__":{"k":1}}""", "metadata 'k' is not a string")]
    public void ACorruptHeaderIsRefusedNamingTheFileAndTheProblem(string json, string problem)
    {
        using var dir = new TempDir();
        string path = Handmade(dir, json, 8);

        var e = Assert.Throws<EcgXaiException>(() => SafeTensors.Read(path));

        Assert.Equal(path, e.Path);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void ImpossibleHeaderLengthsAndTinyFilesAreRefused()
    {
        using var dir = new TempDir();
        string tiny = dir.File("tiny.safetensors");
        File.WriteAllBytes(tiny, [1, 2, 3]);
        Assert.Contains("truncated safetensors file: 3 bytes", Assert.Throws<EcgXaiException>(() => SafeTensors.Read(tiny)).Message);
        string huge = dir.File("huge.safetensors");
        File.WriteAllBytes(huge, [.. BitConverter.GetBytes(long.MaxValue), .. "{}"u8.ToArray()]);
        var e = Assert.Throws<EcgXaiException>(() => SafeTensors.Read(huge));
        Assert.Equal(huge, e.Path);
        Assert.Contains($"corrupt safetensors header length {long.MaxValue} for a file of 10 bytes", e.Message);
        Assert.Contains("file not found", Assert.Throws<EcgXaiException>(() => SafeTensors.Read(dir.File("absent.safetensors"))).Message);
    }
}
