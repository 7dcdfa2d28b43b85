using EcgXai.Explain.Composites;
using EcgXai.Explain.Graph;
using EcgXai.Explain.Rules;

namespace EcgXai.Explain.Canonizers;

/// <summary>
/// The four <see cref="Bn2Policy"/> treatments of BatchNorms left after <see cref="BatchNormFolding"/> (the Ribeiro
/// post-sum <c>bn2</c>), expressed on the graph: the canonizers to run and the composite's rule for those BatchNorms.
/// </summary>
public static class RibeiroBn2
{
    /// <summary>
    /// Canonizers and composite for <paramref name="policy"/>: Gradient leaves <paramref name="composite"/> as it is (its
    /// BatchNorms get no rule), Pass and Epsilon put that rule first for BatchNorm nodes (Epsilon with the composite's
    /// epsilon), Fold adds <see cref="Bn2Folding"/> and passes relevance through the scale nodes it makes.
    /// </summary>
    public static (IReadOnlyList<ICanonizer> Canonizers, Composite Composite) Apply(Bn2Policy policy, Composite composite) => policy switch
    {
        Bn2Policy.Gradient => ([new BatchNormFolding()], composite),
        Bn2Policy.Pass => ([new BatchNormFolding()], composite.Prepend(NodePredicate.OfKind(NodeKind.BatchNorm1d), new Pass())),
        Bn2Policy.Epsilon => ([new BatchNormFolding()], composite.Prepend(NodePredicate.OfKind(NodeKind.BatchNorm1d), new Epsilon(composite.Epsilon))),
        Bn2Policy.Fold => ([new BatchNormFolding(), new Bn2Folding()], composite.Prepend(NodePredicate.OfKind(NodeKind.BatchNorm1d), new Pass())),
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "unknown bn2 policy"),
    };
}
