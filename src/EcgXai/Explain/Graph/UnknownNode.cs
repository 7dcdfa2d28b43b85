using EcgXai.IO;

namespace EcgXai.Explain.Graph;

/// <summary>The user-facing error for a node (layer) name that the model in a file does not have.</summary>
public static class UnknownNode
{
    /// <summary>An <see cref="EcgXaiException"/> naming <paramref name="modelPath"/>, <paramref name="node"/> and the <paramref name="known"/> nodes one could give instead.</summary>
    public static EcgXaiException In(string modelPath, string node, IEnumerable<string> known) =>
        new(modelPath, $"the model has no node '{node}' (its nodes: {string.Join(", ", known)})");
}
