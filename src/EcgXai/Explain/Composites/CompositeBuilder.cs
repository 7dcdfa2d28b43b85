using EcgXai.Explain.Graph;
using EcgXai.Explain.Rules;

namespace EcgXai.Explain.Composites;

/// <summary>
/// Fluent construction of a <see cref="Composite"/>: entries in the order added, first match wins, e.g.
/// <c>new CompositeBuilder("mine").FirstLinear(new Flat()).Kind(NodeKind.Conv1d, new ZPlus()).Name("blocks.3.*", new Gamma()).Build()</c>
/// (the glob entry never wins over the earlier Conv1d entry there: put specific entries first).
/// </summary>
/// <param name="name">Composite name.</param>
public sealed class CompositeBuilder(string name)
{
    private readonly List<CompositeEntry> entries = [];
    private double epsilon = Stabilizer.DefaultEpsilon;

    /// <summary>Nodes selected by <paramref name="when"/> get <paramref name="rule"/> (null: no rule).</summary>
    public CompositeBuilder When(NodePredicate when, IRule? rule)
    {
        entries.Add(new CompositeEntry(when, rule));
        return this;
    }

    /// <summary>Nodes of <paramref name="kind"/> get <paramref name="rule"/>.</summary>
    public CompositeBuilder Kind(NodeKind kind, IRule? rule) => When(NodePredicate.OfKind(kind), rule);

    /// <summary>The first linear node in topological order gets <paramref name="rule"/>.</summary>
    public CompositeBuilder FirstLinear(IRule? rule) => When(NodePredicate.FirstLinear, rule);

    /// <summary>Nodes whose name matches <paramref name="glob"/> get <paramref name="rule"/>.</summary>
    public CompositeBuilder Name(string glob, IRule? rule) => When(NodePredicate.Named(glob), rule);

    /// <summary>Sets the composite's epsilon (see <see cref="Composite.Epsilon"/>).</summary>
    public CompositeBuilder WithEpsilon(double eps)
    {
        epsilon = eps;
        return this;
    }

    /// <summary>
    /// Appends zennit's treatment of the remaining kinds: Norm on sums and average pools, Pass on ReLU and identities,
    /// no rule (gradient) on BatchNorm, max pool, concat and flatten.
    /// </summary>
    public CompositeBuilder Defaults() => Kind(NodeKind.Add, new Norm()).Kind(NodeKind.AvgPool1d, new Norm()).Kind(NodeKind.Relu, new Pass())
        .Kind(NodeKind.Identity, new Pass()).Kind(NodeKind.BatchNorm1d, null).Kind(NodeKind.MaxPool1d, null).Kind(NodeKind.Concat, null)
        .Kind(NodeKind.Flatten, null);

    /// <summary>The composite.</summary>
    public Composite Build() => new(name, entries.ToArray(), epsilon);
}
