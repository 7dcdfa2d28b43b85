using System.Globalization;

namespace EcgXai.Explain.Lrp;

/// <summary>
/// Which rule each layer of the canonical <c>ResNet1d</c> view gets: by kind (input conv, other convs, dense head, the
/// residual sum, bn2 under its policy), with per-layer-name overrides taking precedence. Plain data plus lookup.
/// </summary>
/// <param name="Name">Composite name as in the fixture manifests (e.g. <c>epsilon_plus_flat</c>).</param>
/// <param name="InputConv">Rule of the stem convolution.</param>
/// <param name="Conv">Rule of every other convolution.</param>
/// <param name="Dense">Rule of the classifier head.</param>
/// <param name="Eps">Epsilon of the head's Epsilon rule, also used by <see cref="Bn2Policy.Epsilon"/>.</param>
public sealed record Composite(string Name, IRule InputConv, IRule Conv, IRule Dense, double Eps)
{
    /// <summary>Rule of the residual sums (Norm by default).</summary>
    public IRule Sum { get; init; } = new Norm();

    /// <summary>Rules for single layers by name (e.g. <c>blocks.3.conv2</c>), overriding the kind-based choice.</summary>
    public IReadOnlyDictionary<string, IRule> Overrides { get; init; } = new Dictionary<string, IRule>();

    /// <summary>A copy with <paramref name="rule"/> on the layer named <paramref name="layerName"/>.</summary>
    public Composite WithRule(string layerName, IRule rule) =>
        this with { Overrides = new Dictionary<string, IRule>(Overrides) { [layerName] = rule } };

    /// <summary>The rule of layer <paramref name="name"/> of kind <paramref name="kind"/>; <paramref name="bn2"/> decides BatchNorm layers.</summary>
    public IRule RuleFor(string name, LayerKind kind, Bn2Policy bn2) => Overrides.TryGetValue(name, out IRule? rule) ? rule : kind switch
    {
        LayerKind.InputConv => InputConv,
        LayerKind.Conv => Conv,
        LayerKind.Dense => Dense,
        LayerKind.Sum => Sum,
        LayerKind.BatchNorm => bn2 switch
        {
            Bn2Policy.Pass => new Pass(),
            Bn2Policy.Epsilon => new Epsilon(Eps),
            _ => new Gradient(),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown layer kind"),
    };

    /// <summary>ZPlus on every conv including the stem, Epsilon on the head.</summary>
    public static Composite EpsilonPlus(double eps = Stabilizer.DefaultEpsilon) => new("epsilon_plus", new ZPlus(), new ZPlus(), new Epsilon(eps), eps);

    /// <summary>Flat on the stem, ZPlus on the other convs, Epsilon on the head.</summary>
    public static Composite EpsilonPlusFlat(double eps = Stabilizer.DefaultEpsilon) => new("epsilon_plus_flat", new Flat(), new ZPlus(), new Epsilon(eps), eps);

    /// <summary>AlphaBeta(α, β) on every conv including the stem, Epsilon on the head.</summary>
    public static Composite EpsilonAlpha2Beta1(double eps = Stabilizer.DefaultEpsilon, double alpha = 2, double beta = 1) =>
        new("epsilon_alpha2_beta1", new AlphaBeta(alpha, beta), new AlphaBeta(alpha, beta), new Epsilon(eps), eps);

    /// <summary>Flat on the stem, AlphaBeta(α, β) on the other convs, Epsilon on the head.</summary>
    public static Composite EpsilonAlpha2Beta1Flat(double eps = Stabilizer.DefaultEpsilon, double alpha = 2, double beta = 1) =>
        new("epsilon_alpha2_beta1_flat", new Flat(), new AlphaBeta(alpha, beta), new Epsilon(eps), eps);

    /// <summary>ZBox(low, high) on the stem, Gamma(γ) on the other convs, Epsilon on the head.</summary>
    public static Composite EpsilonGammaBox(double low, double high, double eps = Stabilizer.DefaultEpsilon, double gamma = 0.25) =>
        new("epsilon_gamma_box", new ZBox(low, high), new Gamma(gamma), new Epsilon(eps), eps);

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
            _ => throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"unknown composite '{name}' (known: epsilon_plus, epsilon_plus_flat, epsilon_alpha2_beta1, epsilon_alpha2_beta1_flat, epsilon_gamma_box)")),
        };
    }
}
