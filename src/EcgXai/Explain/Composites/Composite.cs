using EcgXai.Explain.Graph;
using EcgXai.Explain.Rules;

namespace EcgXai.Explain.Composites;

/// <summary>
/// Which rule each graph node gets: an ordered list of (predicate → rule), first match wins; a node no entry matches
/// gets no rule (plain gradient). Plain data; the named composites are in <see cref="NamedComposites"/>, users build
/// their own with <see cref="CompositeBuilder"/>.
/// </summary>
/// <param name="Name">Composite name (e.g. <c>epsilon_plus_flat</c>).</param>
/// <param name="Entries">The entries in order.</param>
/// <param name="Epsilon">The composite's epsilon (its Epsilon rule; also the Ribeiro bn2 Epsilon policy's).</param>
public sealed record Composite(string Name, IReadOnlyList<CompositeEntry> Entries, double Epsilon = Stabilizer.DefaultEpsilon)
{
    /// <summary>The rule of <paramref name="node"/> of <paramref name="graph"/> and the predicate that chose it.</summary>
    public RuleChoice RuleFor(ModelGraph graph, GraphNode node)
    {
        CompositeEntry? entry = Entries.FirstOrDefault(e => e.When.Matches(graph, node));
        return entry is null ? new RuleChoice(null, "no entry matched") : new RuleChoice(entry.Rule, entry.When.Describe());
    }

    /// <summary>A copy where <paramref name="rule"/> comes first for the nodes <paramref name="when"/> selects.</summary>
    public Composite Prepend(NodePredicate when, IRule? rule) => this with { Entries = [new CompositeEntry(when, rule), .. Entries] };

    /// <summary>A copy with <paramref name="rule"/> on the node named <paramref name="nodeName"/> (a name or glob), overriding the rest.</summary>
    public Composite WithRule(string nodeName, IRule? rule) => Prepend(NodePredicate.Named(nodeName), rule);
}
