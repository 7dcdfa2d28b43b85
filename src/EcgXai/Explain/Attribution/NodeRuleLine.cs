using EcgXai.Explain.Graph;

namespace EcgXai.Explain.Attribution;

/// <summary>One node of an explained graph with the rule its composite gives it.</summary>
/// <param name="Name">Node name (PyTorch module path).</param>
/// <param name="Kind">What the node computes.</param>
/// <param name="Shape">Per-record output shape.</param>
/// <param name="Rule">The rule as text, or <c>no rule (gradient)</c>.</param>
/// <param name="Why">The composite entry's predicate that matched, or that none did.</param>
public sealed record NodeRuleLine(string Name, NodeKind Kind, IReadOnlyList<long> Shape, string Rule, string Why)
{
    /// <summary>The line as printed: name, kind, shape, rule and why, tab-separated.</summary>
    public override string ToString() => $"{Name}\t{Kind}\t{Graph.Shape.Format(Shape)}\t{Rule}\t{Why}";
}
