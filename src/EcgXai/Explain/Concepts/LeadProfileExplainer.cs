using EcgXai.Explain.Attribution;
using EcgXai.Explain.Composites;
using EcgXai.Explain.Graph;
using EcgXai.Explain.Rules;

namespace EcgXai.Explain.Concepts;

/// <summary>
/// The attributor whose input heatmaps give per-lead profiles. A first-layer rule that ignores the input (Flat, WSquare,
/// as in EpsilonPlusFlat) spreads relevance equally over every lead of its window, so every lead profile would be
/// uniform; then the first linear node takes ZPlus instead (EpsilonPlus's choice there), every other node keeps the
/// explainer's rule. Otherwise the explainer itself is used.
/// </summary>
internal sealed class LeadProfileExplainer : IDisposable
{
    private readonly Attributor? own;

    /// <summary>Chooses the attributor for lead profiles of <paramref name="explainer"/>'s explanations.</summary>
    public LeadProfileExplainer(Attributor explainer)
    {
        ModelGraph graph = explainer.Graph;
        GraphNode? first = graph.Nodes.FirstOrDefault(n => NodePredicate.FirstLinear.Matches(graph, n));
        if (first is not null && explainer.RuleOf(first.Name).Rule is Flat or WSquare)
        {
            own = new Attributor(graph, explainer.Composite.Prepend(NodePredicate.Named(first.Name), new ZPlus(explainer.Composite.Epsilon)), canonizers: []);
            Replacement = $"ZPlus at {first.Name}";
            Rule = $"{Replacement} (the explainer's {explainer.RuleOf(first.Name).Rule!.GetType().Name} there ignores the input)";
        }
        Attributor = own ?? explainer;
    }

    /// <summary>The attributor to take lead profiles from.</summary>
    public Attributor Attributor { get; }

    /// <summary>What gave the profile: "explainer", or the replaced first-layer rule and why.</summary>
    public string Rule { get; } = "explainer";

    /// <summary>The replaced first-layer rule (e.g. "ZPlus at conv1"), or null when the explainer itself is used.</summary>
    public string? Replacement { get; }

    /// <summary>True when the profiles come from other heatmaps than the explainer's.</summary>
    public bool Replaced => Replacement is not null;

    /// <inheritdoc />
    public void Dispose() => own?.Dispose();
}
