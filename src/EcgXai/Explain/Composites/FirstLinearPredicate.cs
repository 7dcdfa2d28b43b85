using EcgXai.Explain.Graph;

namespace EcgXai.Explain.Composites;

/// <summary>Selects the first Conv1d or Linear node in topological order (zennit's "first layer" of a composite).</summary>
public sealed record FirstLinearPredicate : NodePredicate
{
    /// <inheritdoc />
    public override bool Matches(ModelGraph graph, GraphNode node) =>
        ReferenceEquals(graph.Nodes.FirstOrDefault(n => n.Kind is NodeKind.Conv1d or NodeKind.Linear), node);

    /// <inheritdoc />
    public override string Describe() => "first linear node";
}
