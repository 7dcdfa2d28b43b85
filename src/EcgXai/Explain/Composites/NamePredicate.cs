using System.Text.RegularExpressions;
using EcgXai.Explain.Graph;

namespace EcgXai.Explain.Composites;

/// <summary>Selects nodes by name: exact, or a glob with <c>*</c> (any run of characters) and <c>?</c> (one character).</summary>
public sealed record NamePredicate : NodePredicate
{
    private readonly Regex pattern;

    /// <summary>A predicate for <paramref name="glob"/>.</summary>
    public NamePredicate(string glob)
    {
        if (string.IsNullOrEmpty(glob))
        {
            throw new ArgumentException("a name pattern must not be empty");
        }
        Glob = glob;
        pattern = new Regex("^" + Regex.Escape(glob).Replace(@"\*", ".*").Replace(@"\?", ".") + "$", RegexOptions.CultureInvariant);
    }

    /// <summary>The pattern.</summary>
    public string Glob { get; }

    /// <inheritdoc />
    public override bool Matches(ModelGraph graph, GraphNode node) => pattern.IsMatch(node.Name);

    /// <inheritdoc />
    public override string Describe() => $"name {Glob}";
}
