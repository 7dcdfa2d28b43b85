using EcgXai.Explain.Canonizers;

namespace EcgXai.Explain.Attribution;

/// <summary>Which model and composite <see cref="RuleTable.Run"/> describes.</summary>
/// <param name="ModelPath">An EcgXai checkpoint or an <c>.onnx</c> file, or null for a fresh model of <paramref name="Preset"/>.</param>
/// <param name="Preset">ResNet1d preset of the fresh model (<c>ribeiro</c> or <c>compact</c>) when no model file is given.</param>
/// <param name="Composite">Name of the composite (<see cref="Composites.NamedComposites.Names"/>).</param>
/// <param name="Parameters">Composite parameters by the fixture manifest keys (<c>epsilon</c>, <c>box_low</c>, …).</param>
/// <param name="Policy">Treatment of the Ribeiro post-sum bn2 (ResNet1d models only).</param>
/// <param name="Device">Device name (<c>auto</c>, <c>cpu</c>, <c>cuda</c>, <c>cuda:N</c>), or null for auto.</param>
public sealed record RulesOptions(
    string? ModelPath,
    string Preset = "ribeiro",
    string Composite = "epsilon_plus_flat",
    IReadOnlyDictionary<string, double>? Parameters = null,
    Bn2Policy Policy = Bn2Policy.Gradient,
    string? Device = null);
