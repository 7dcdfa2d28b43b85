using System.Globalization;
using EcgXai.Explain.Graph;
using EcgXai.Explain.Rules;

namespace EcgXai.Explain.Composites;

/// <summary>
/// zennit's five named composites as data: a rule for the first linear node, one for the other convs, Epsilon on Linear
/// nodes, then <see cref="CompositeBuilder.Defaults"/> (Norm on sums and average pools, Pass on ReLU, no rule elsewhere).
/// </summary>
public static class NamedComposites
{
    /// <summary>The names <see cref="FromName"/> knows.</summary>
    public static IReadOnlyList<string> Names { get; } = ["epsilon_plus", "epsilon_plus_flat", "epsilon_alpha2_beta1", "epsilon_alpha2_beta1_flat", "epsilon_gamma_box"];

    /// <summary>ZPlus on every conv including the first, Epsilon on Linear nodes.</summary>
    public static Composite EpsilonPlus(double eps = Stabilizer.DefaultEpsilon) => Standard("epsilon_plus", new ZPlus(), new ZPlus(), eps);

    /// <summary>Flat on the first linear node, ZPlus on the other convs, Epsilon on Linear nodes.</summary>
    public static Composite EpsilonPlusFlat(double eps = Stabilizer.DefaultEpsilon) => Standard("epsilon_plus_flat", new Flat(), new ZPlus(), eps);

    /// <summary>AlphaBeta(α, β) on every conv including the first, Epsilon on Linear nodes.</summary>
    public static Composite EpsilonAlpha2Beta1(double eps = Stabilizer.DefaultEpsilon, double alpha = 2, double beta = 1) =>
        Standard("epsilon_alpha2_beta1", new AlphaBeta(alpha, beta), new AlphaBeta(alpha, beta), eps);

    /// <summary>Flat on the first linear node, AlphaBeta(α, β) on the other convs, Epsilon on Linear nodes.</summary>
    public static Composite EpsilonAlpha2Beta1Flat(double eps = Stabilizer.DefaultEpsilon, double alpha = 2, double beta = 1) =>
        Standard("epsilon_alpha2_beta1_flat", new Flat(), new AlphaBeta(alpha, beta), eps);

    /// <summary>ZBox(low, high) on the first linear node, Gamma(γ) on the other convs, Epsilon on Linear nodes.</summary>
    public static Composite EpsilonGammaBox(double low, double high, double eps = Stabilizer.DefaultEpsilon, double gamma = 0.25) =>
        Standard("epsilon_gamma_box", new ZBox(low, high), new Gamma(gamma), eps);

    /// <summary>
    /// The composite called <paramref name="name"/> with parameters by the manifest keys <c>epsilon</c>, <c>alpha</c>,
    /// <c>beta</c>, <c>gamma</c>, <c>box_low</c>, <c>box_high</c> (missing keys take the defaults; the box bounds are required).
    /// </summary>
    public static Composite FromName(string name, IReadOnlyDictionary<string, double> parameters)
    {
        double Get(string key, double fallback) => parameters.TryGetValue(key, out double v) ? v : fallback;
        double Need(string key) => parameters.TryGetValue(key, out double v) ? v
            : throw new ArgumentException($"composite {name} needs the parameter '{key}'");
        string[] known = ["epsilon", "alpha", "beta", "gamma", "box_low", "box_high"];
        string? unknown = parameters.Keys.FirstOrDefault(k => !known.Contains(k));
        if (unknown is not null)
        {
            throw new ArgumentException($"unknown composite parameter '{unknown}' (known: {string.Join(", ", known)})");
        }
        double eps = Get("epsilon", Stabilizer.DefaultEpsilon);
        return name switch
        {
            "epsilon_plus" => EpsilonPlus(eps),
            "epsilon_plus_flat" => EpsilonPlusFlat(eps),
            "epsilon_alpha2_beta1" => EpsilonAlpha2Beta1(eps, Get("alpha", 2), Get("beta", 1)),
            "epsilon_alpha2_beta1_flat" => EpsilonAlpha2Beta1Flat(eps, Get("alpha", 2), Get("beta", 1)),
            "epsilon_gamma_box" => EpsilonGammaBox(Need("box_low"), Need("box_high"), eps, Get("gamma", 0.25)),
            _ => throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"unknown composite '{name}' (known: {string.Join(", ", Names)})")),
        };
    }

    private static Composite Standard(string name, IRule first, IRule conv, double eps) =>
        new CompositeBuilder(name).WithEpsilon(eps).FirstLinear(first).Kind(NodeKind.Conv1d, conv).Kind(NodeKind.Linear, new Epsilon(eps)).Defaults().Build();
}
