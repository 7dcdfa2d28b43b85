using EcgXai.Explain.Graph;

namespace EcgXai.Explain.Composites;

/// <summary>Which graph nodes a <see cref="CompositeEntry"/> applies to.</summary>
public abstract record NodePredicate
{
    /// <summary>True when <paramref name="node"/> of <paramref name="graph"/> is selected.</summary>
    public abstract bool Matches(ModelGraph graph, GraphNode node);

    /// <summary>Short text for the <c>rules</c> listing, e.g. <c>kind Conv1d</c>.</summary>
    public abstract string Describe();

    /// <summary>Nodes of kind <paramref name="kind"/>.</summary>
    public static NodePredicate OfKind(NodeKind kind) => new KindPredicate(kind);

    /// <summary>The first Conv1d or Linear node in topological order (the stem, which sees the raw input).</summary>
    public static NodePredicate FirstLinear { get; } = new FirstLinearPredicate();

    /// <summary>Nodes whose name matches <paramref name="glob"/> (<c>*</c> any run of characters, <c>?</c> one; else exact).</summary>
    public static NodePredicate Named(string glob) => new NamePredicate(glob);
}
