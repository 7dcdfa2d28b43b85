using System.Text;

namespace EcgXai.Tests.Models;

/// <summary>
/// Writes minimal ONNX models by hand (protobuf wire format), so teacher tests can cover layouts the fixture does not:
/// one ReduceMean node over <c>axis</c> of a float input, optional <c>metadata_props</c>.
/// </summary>
internal static class TinyOnnx
{
    /// <summary>A model <c>output = ReduceMean(input, axes=[axis], keepdims=0)</c>; dims of 0 are dynamic.</summary>
    public static byte[] ReduceMean(long[] inputDims, long[] outputDims, long axis, IReadOnlyDictionary<string, string>? metadata = null)
    {
        byte[] node = Concat(Str(1, "x"), Str(2, "y"), Str(4, "ReduceMean"),
            Msg(5, Concat(Str(1, "axes"), Varint(8, (ulong)axis), Varint(20, 7))),
            Msg(5, Concat(Str(1, "keepdims"), Varint(3, 0), Varint(20, 2))));
        byte[] graph = Concat(Msg(1, node), Str(2, "g"), Msg(11, ValueInfo("x", inputDims)), Msg(12, ValueInfo("y", outputDims)));
        var parts = new List<byte[]> { Varint(1, 7), Msg(8, Concat(Str(1, ""), Varint(2, 13))), Msg(7, graph) };
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
        {
            parts.Add(Msg(14, Concat(Str(1, key), Str(2, value))));
        }
        return Concat([.. parts]);
    }

    private static byte[] ValueInfo(string name, long[] dims)
    {
        byte[] shape = Concat(dims.Select(d => Msg(1, d > 0 ? Varint(1, (ulong)d) : Str(2, "batch"))).ToArray());
        return Concat(Str(1, name), Msg(2, Msg(1, Concat(Varint(1, 1), Msg(2, shape)))));
    }

    private static byte[] Varint(int field, ulong value) => Concat(Raw((ulong)(field << 3)), Raw(value));

    private static byte[] Str(int field, string text) => Msg(field, Encoding.UTF8.GetBytes(text));

    private static byte[] Msg(int field, byte[] body) => Concat(Raw((ulong)(field << 3 | 2)), Raw((ulong)body.Length), body);

    private static byte[] Raw(ulong value)
    {
        var bytes = new List<byte>();
        do
        {
            byte b = (byte)(value & 0x7F);
            value >>= 7;
            bytes.Add(value != 0 ? (byte)(b | 0x80) : b);
        }
        while (value != 0);
        return bytes.ToArray();
    }

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
