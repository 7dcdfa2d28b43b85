using EcgXai.Explain.Attribution;
using EcgXai.Explain.Canonizers;
using EcgXai.Explain.Composites;

namespace EcgXai.Explain.Faithfulness;

/// <summary>
/// One explanation compared by SRG: an LRP composite under a bn2 policy, or one of the two baselines
/// (gradient × input, a seeded random order), which are reported but never chosen.
/// </summary>
/// <param name="Kind">LRP or a baseline.</param>
/// <param name="Composite">The composite's name (LRP only).</param>
/// <param name="Bn2">The bn2 policy (LRP only).</param>
public sealed record ExplanationVariant(VariantKind Kind, string? Composite = null, Bn2Policy Bn2 = Bn2Policy.Gradient)
{
    /// <summary>The engine's named composites.</summary>
    public static readonly IReadOnlyList<string> Composites = ["epsilon_plus", "epsilon_plus_flat", "epsilon_alpha2_beta1", "epsilon_alpha2_beta1_flat", "epsilon_gamma_box"];

    /// <summary>The gradient × input baseline.</summary>
    public static ExplanationVariant GradientTimesInput { get; } = new(VariantKind.GradientTimesInput);

    /// <summary>The random-order baseline.</summary>
    public static ExplanationVariant RandomOrder { get; } = new(VariantKind.Random);

    /// <summary>True for the baselines.</summary>
    public bool IsBaseline => Kind != VariantKind.Lrp;

    /// <summary><c>composite/policy</c> (e.g. <c>epsilon_plus_flat/gradient</c>), <c>gradient_x_input</c> or <c>random</c>.</summary>
    public string Name => Kind switch
    {
        VariantKind.Lrp => $"{Composite}/{Bn2.ToString().ToLowerInvariant()}",
        VariantKind.GradientTimesInput => "gradient_x_input",
        _ => "random",
    };

    /// <summary>
    /// The variants named by <paramref name="tokens"/>: <c>all</c> (every composite under every policy), a composite
    /// (under every policy), or <c>composite/policy</c>; the two baselines are always added, last. Order kept, duplicates dropped.
    /// </summary>
    public static IReadOnlyList<ExplanationVariant> Parse(IEnumerable<string> tokens)
    {
        var result = new List<ExplanationVariant>();
        Bn2Policy[] policies = Enum.GetValues<Bn2Policy>();
        foreach (string raw in tokens)
        {
            string token = raw.Trim().ToLowerInvariant();
            string[] parts = token.Split('/');
            IEnumerable<ExplanationVariant> named = token switch
            {
                "all" => Composites.SelectMany(c => policies.Select(p => new ExplanationVariant(VariantKind.Lrp, c, p))),
                "gradient_x_input" or "random" => [],
                _ when parts.Length == 1 => policies.Select(p => new ExplanationVariant(VariantKind.Lrp, CompositeName(parts[0], raw), p)),
                _ when parts.Length == 2 => [new ExplanationVariant(VariantKind.Lrp, CompositeName(parts[0], raw), Policy(parts[1], raw))],
                _ => throw new ArgumentException($"variant '{raw}' is not composite, composite/policy, all, gradient_x_input or random"),
            };
            result.AddRange(named);
        }
        result.Add(GradientTimesInput);
        result.Add(RandomOrder);
        return result.Distinct().ToArray();
    }

    private static string CompositeName(string name, string token) => Composites.Contains(name) ? name
        : throw new ArgumentException($"unknown composite in variant '{token}' (known: {string.Join(", ", Composites)})");

    private static Bn2Policy Policy(string name, string token) =>
        Enum.GetValues<Bn2Policy>().Cast<Bn2Policy?>().FirstOrDefault(p => p.ToString()!.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown bn2 policy in variant '{token}' (known: {string.Join(", ", Enum.GetNames<Bn2Policy>().Select(n => n.ToLowerInvariant()))})");
}
