using Onnx;
using static TorchSharp.torch;

namespace EcgXai.Explain.Graph.Onnx;

/// <summary>
/// Evaluates at import time the integer shape arithmetic an exporter writes around a <c>Reshape</c> for a dynamic batch
/// (<c>x.view(x.size(0), -1)</c> → <c>Shape</c>, <c>Gather</c>, <c>Unsqueeze</c>, <c>Concat</c>). The batch dimension of a
/// <c>Shape</c> is written as 0, which <c>Reshape</c> reads as "keep this dimension of the input": the folded target shape
/// of such a flatten is <c>(0, -1)</c>.
/// </summary>
internal static class OnnxShapeFolding
{
    /// <summary>The op types folded when all their inputs are constants (or, for <c>Shape</c>, a computed tensor).</summary>
    public static readonly IReadOnlySet<string> Ops = new HashSet<string>(StringComparer.Ordinal) { "Shape", "Gather", "Unsqueeze", "Concat" };

    /// <summary>
    /// The value of <paramref name="node"/>: <paramref name="constant"/> gives its constant inputs,
    /// <paramref name="shapeOf"/> the per-record shape of a computed tensor (for <c>Shape</c>).
    /// </summary>
    public static Tensor Fold(NodeProto node, Func<int, Tensor> constant, Func<int, long[]> shapeOf)
    {
        switch (node.OpType)
        {
            case "Shape":
                if (node.Attribute.Any(a => a.Name is "start" or "end"))
                {
                    throw new ArgumentException($"node '{node.Name}' (Shape): start/end slices are not supported");
                }
                return tensor([0L, .. shapeOf(0)]);
            case "Gather":
                {
                    Tensor data = constant(0), indices = constant(1);
                    long axis = OnnxAttributes.Int(node, "axis", 0);
                    axis = axis < 0 ? axis + data.dim() : axis;
                    Tensor flat = indices.reshape(-1).to(ScalarType.Int64);
                    flat = where(flat < 0, flat + data.shape[axis], flat);
                    long[] shape = [.. data.shape[..(int)axis], .. indices.shape, .. data.shape[((int)axis + 1)..]];
                    return data.index_select(axis, flat).reshape(shape);
                }
            case "Unsqueeze":
                {
                    Tensor data = constant(0);
                    long[] axes = OnnxAttributes.Ints(node, "axes") ?? constant(1).data<long>().ToArray();
                    long rank = data.dim() + axes.Length;
                    foreach (long axis in axes.Select(a => a < 0 ? a + rank : a).Order())
                    {
                        data = data.unsqueeze(axis);
                    }
                    return data;
                }
            default:
                return cat(node.Input.Select((_, i) => constant(i)).ToArray(), OnnxAttributes.Int(node, "axis", 0));
        }
    }
}
