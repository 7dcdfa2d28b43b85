using EcgXai.Explain.Rules;

namespace EcgXai.Explain.Composites;

/// <summary>The rule a composite gives a node and why.</summary>
/// <param name="Rule">The rule, or null for no rule (plain gradient).</param>
/// <param name="Why">The predicate that matched (e.g. <c>kind Conv1d</c>), or that none did.</param>
public sealed record RuleChoice(IRule? Rule, string Why)
{
    /// <summary>The rule as text: its record form, or <c>no rule (gradient)</c>.</summary>
    public string RuleText => Rule?.ToString() ?? "no rule (gradient)";
}
