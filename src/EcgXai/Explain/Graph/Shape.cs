namespace EcgXai.Explain.Graph;

/// <summary>Helpers for per-record shapes (<c>long[]</c> without the batch dimension).</summary>
public static class Shape
{
    /// <summary>The shape as text, e.g. <c>(64, 1024)</c>.</summary>
    public static string Format(IReadOnlyList<long> shape) => "(" + string.Join(", ", shape) + ")";

    /// <summary>Output length of a sliding window: <c>⌊(L + 2p − d(k − 1) − 1) / s⌋ + 1</c>.</summary>
    public static long WindowOutput(long length, long kernel, long stride, long padding, long dilation = 1) =>
        (length + 2 * padding - dilation * (kernel - 1) - 1) / stride + 1;
}
