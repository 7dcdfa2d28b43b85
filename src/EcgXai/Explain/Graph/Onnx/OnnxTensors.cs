using System.Runtime.InteropServices;
using EcgXai.IO;
using Onnx;
using static TorchSharp.torch;

namespace EcgXai.Explain.Graph.Onnx;

/// <summary>Converts ONNX <c>TensorProto</c>s (initializers, <c>Constant</c> values) to CPU tensors of the same dtype.</summary>
public static class OnnxTensors
{
    /// <summary>
    /// The tensor <paramref name="proto"/> holds, with its dtype kept: float32, float64, int64 or int32, from
    /// <c>raw_data</c> (little-endian) or the typed fields. Other dtypes and external data are refused naming
    /// <paramref name="path"/> and the tensor.
    /// </summary>
    public static Tensor ToTensor(TensorProto proto, string path)
    {
        if (proto.DataLocation == TensorProto.Types.DataLocation.External)
        {
            throw new EcgXaiException(path, $"tensor '{proto.Name}' is stored in an external file, which is not supported (save the model with its weights inside)");
        }
        long[] shape = [.. proto.Dims];
        long count = shape.Aggregate(1L, (a, b) => a * b);
        byte[] raw = proto.RawData.ToByteArray();
        return (TensorProto.Types.DataType)proto.DataType switch
        {
            TensorProto.Types.DataType.Float => tensor(Values(raw, proto.FloatData, proto, path, count), shape),
            TensorProto.Types.DataType.Double => tensor(Values(raw, proto.DoubleData, proto, path, count), shape),
            TensorProto.Types.DataType.Int64 => tensor(Values(raw, proto.Int64Data, proto, path, count), shape),
            TensorProto.Types.DataType.Int32 => tensor(Values(raw, proto.Int32Data, proto, path, count), shape),
            var other => throw new EcgXaiException(path, $"tensor '{proto.Name}' has dtype {other}; supported: Float, Double, Int64, Int32"),
        };
    }

    private static T[] Values<T>(byte[] raw, IReadOnlyList<T> typed, TensorProto proto, string path, long count)
        where T : unmanaged
    {
        T[] values = raw.Length > 0 ? MemoryMarshal.Cast<byte, T>(raw).ToArray() : [.. typed];
        if (values.Length != count)
        {
            throw new EcgXaiException(path, $"tensor '{proto.Name}' has {values.Length} values for shape ({string.Join(", ", proto.Dims)})");
        }
        return values;
    }
}
