using Onnx;

namespace EcgXai.Explain.Graph.Onnx;

/// <summary>Typed access to the attributes of an ONNX node, with the defaults of the ONNX operator specification.</summary>
internal static class OnnxAttributes
{
    /// <summary>The integer attribute <paramref name="name"/>, or <paramref name="fallback"/> when absent.</summary>
    public static long Int(NodeProto node, string name, long fallback) =>
        Find(node, name) is { } a ? a.I : fallback;

    /// <summary>The float attribute <paramref name="name"/>, or <paramref name="fallback"/> when absent.</summary>
    public static double Float(NodeProto node, string name, double fallback) =>
        Find(node, name) is { } a ? a.F : fallback;

    /// <summary>The integer-list attribute <paramref name="name"/>, or null when absent.</summary>
    public static long[]? Ints(NodeProto node, string name) =>
        Find(node, name) is { } a ? [.. a.Ints] : null;

    /// <summary>The string attribute <paramref name="name"/>, or <paramref name="fallback"/> when absent.</summary>
    public static string String(NodeProto node, string name, string fallback) =>
        Find(node, name) is { } a ? a.S.ToStringUtf8() : fallback;

    /// <summary>The tensor attribute <paramref name="name"/>, or null when absent.</summary>
    public static TensorProto? Tensor(NodeProto node, string name) => Find(node, name)?.T;

    private static AttributeProto? Find(NodeProto node, string name) =>
        node.Attribute.FirstOrDefault(a => a.Name == name);
}
