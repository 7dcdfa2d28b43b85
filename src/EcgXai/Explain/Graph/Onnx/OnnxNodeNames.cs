namespace EcgXai.Explain.Graph.Onnx;

/// <summary>
/// The PyTorch module path of an ONNX node from the scopes <c>torch.onnx.export</c> writes into its name
/// (<c>/blocks.1/idconv/Conv</c> → <c>blocks.1.idconv</c>, <c>/features/features.2/Relu</c> → <c>features.2</c>).
/// </summary>
/// <remarks>
/// The scopes (every <c>/</c>-separated part but the last, which is the op) are joined with <c>.</c>; a scope that starts
/// with the previous scope followed by <c>.</c> replaces it, since the exporter names a child of a <c>Sequential</c>
/// or <c>ModuleList</c> by its parent's name and index (<c>/blocks.1/skip_connection/skip_connection.0/MaxPool</c> →
/// <c>blocks.1.skip_connection.0</c>). With a single scope this is the fixture README's rule: a scope that starts with the
/// path so far replaces it.
/// </remarks>
public static class OnnxNodeNames
{
    /// <summary>The module path of the node named <paramref name="nodeName"/>, or null when the name carries no scope.</summary>
    public static string? ModulePath(string nodeName)
    {
        if (!nodeName.StartsWith('/'))
        {
            return null;
        }
        string[] parts = nodeName.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var path = new List<string>();
        foreach (string scope in parts[..^1])
        {
            if (path.Count > 0 && scope.StartsWith(path[^1] + ".", StringComparison.Ordinal))
            {
                path[^1] = scope;
            }
            else
            {
                path.Add(scope);
            }
        }
        return path.Count > 0 ? string.Join('.', path) : null;
    }

    /// <summary>
    /// The node's module path followed by its op part (<c>/blocks.0/Add</c> → <c>blocks.0.Add</c>), for a node whose
    /// module path alone does not name it (a container module, or several nodes of one module); a name without scopes is
    /// kept without its leading <c>/</c> (<c>/Flatten</c> → <c>Flatten</c>, <c>Constant_9</c>).
    /// </summary>
    public static string Qualified(string nodeName)
    {
        string op = nodeName[(nodeName.LastIndexOf('/') + 1)..];
        return ModulePath(nodeName) is string path ? path + "." + op : op;
    }
}
