using EcgXai.Explain.Rules;

namespace EcgXai.Explain.Composites;

/// <summary>One entry of a <see cref="Composite"/>: the nodes it selects and their rule.</summary>
/// <param name="When">Which nodes.</param>
/// <param name="Rule">Their rule, or null for no rule (the plain gradient, as zennit for layers without a rule).</param>
public sealed record CompositeEntry(NodePredicate When, IRule? Rule);
