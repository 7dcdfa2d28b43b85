using System.Text.Json;
using System.Text.Json.Serialization;
using EcgXai.Explain.Attribution;
using EcgXai.Explain.Canonizers;
using EcgXai.Explain.Composites;
using EcgXai.IO;

namespace EcgXai.Explain.Concepts;

/// <summary>
/// The composite, its parameters and the Ribeiro <c>bn2</c> policy a concept analysis explains with: the one named in
/// the options; else the best SRG variant recorded in <c>explain/srg/best.json</c> of the output folder or of the model's
/// run folder (the parent of its <c>models/</c> folder), written by <c>ecgxai srg</c>; else EpsilonPlusFlat with the
/// gradient through <c>bn2</c>.
/// </summary>
/// <param name="Composite">Composite name.</param>
/// <param name="Bn2">bn2 policy.</param>
/// <param name="Parameters">Composite parameters (e.g. <c>box_low</c>, <c>box_high</c>).</param>
/// <param name="Source">The best.json the choice came from, or null.</param>
public sealed record ExplainerChoice(
    [property: JsonPropertyName("composite")] string Composite,
    [property: JsonPropertyName("bn2")] Bn2Policy Bn2,
    [property: JsonPropertyName("parameters")] IReadOnlyDictionary<string, double> Parameters,
    [property: JsonPropertyName("source")] string? Source)
{
    /// <summary>The default when nothing is chosen or recorded.</summary>
    public static ExplainerChoice Default { get; } = new("epsilon_plus_flat", Bn2Policy.Gradient, new Dictionary<string, double>(), null);

    /// <summary>The choice for <paramref name="options"/>.</summary>
    public static ExplainerChoice For(ConceptOptions options)
    {
        if (options.Composite is { } name)
        {
            return Default with { Composite = name };
        }
        string model = Path.GetFullPath(options.Model);
        string? modelRun = Path.GetFileName(Path.GetDirectoryName(model)) == "models" ? Path.GetDirectoryName(Path.GetDirectoryName(model)) : null;
        string? best = new[] { options.OutDirectory, modelRun }.OfType<string>().Select(d => Path.Combine(Path.GetFullPath(d), "explain", "srg", "best.json")).FirstOrDefault(File.Exists);
        return best is null ? Default : Read(best);
    }

    /// <summary>Reads the variant recorded in an SRG <c>best.json</c>.</summary>
    public static ExplainerChoice Read(string path)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
            JsonElement root = document.RootElement;
            string composite = root.GetProperty("composite").GetString() ?? throw new EcgXaiException(path, "no composite recorded");
            Bn2Policy bn2 = Enum.Parse<Bn2Policy>(root.GetProperty("bn2").GetString() ?? "gradient", ignoreCase: true);
            var parameters = root.TryGetProperty("parameters", out JsonElement p) && p.ValueKind == JsonValueKind.Object
                ? p.EnumerateObject().ToDictionary(e => e.Name, e => e.Value.GetDouble())
                : new Dictionary<string, double>();
            return new ExplainerChoice(composite, bn2, parameters, path);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new EcgXaiException(path, "not a readable SRG best.json (composite, bn2, parameters): " + e.Message);
        }
    }

    /// <summary>The composite object.</summary>
    public Composite Build() => NamedComposites.FromName(Composite, Parameters);
}
