using EcgXai.Explain.Graph;

namespace EcgXai.Explain.Composites;

/// <summary>Selects nodes of one kind.</summary>
/// <param name="Kind">The kind selected.</param>
public sealed record KindPredicate(NodeKind Kind) : NodePredicate
{
    /// <inheritdoc />
    public override bool Matches(ModelGraph graph, GraphNode node) => node.Kind == Kind;

    /// <inheritdoc />
    public override string Describe() => $"kind {Kind}";
}
