using EcgXai.Explain.Graph;

namespace EcgXai.Explain.Canonizers;

/// <summary>
/// Turns a graph into an equivalent, explainable graph (same forward to rounding) without touching the source: the
/// result owns copies of every tensor it uses and runs no model module.
/// </summary>
public interface ICanonizer
{
    /// <summary>Short name for listings.</summary>
    string Name { get; }

    /// <summary>The canonized copy of <paramref name="graph"/> (the caller owns it).</summary>
    ModelGraph Canonize(ModelGraph graph);
}
