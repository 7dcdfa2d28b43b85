using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using EcgXai.IO;

namespace EcgXai.Explain.Concepts;

/// <summary>
/// <c>explain/concepts/config.json</c>: the options of the analysis (model and data included), the model's SHA-256, the
/// explainer used, and for a merged folder the parts it came from. <c>ecgxai merge</c> reruns the global stages from it.
/// </summary>
/// <param name="Model">Full path of the model file.</param>
/// <param name="ModelSha256">SHA-256 of the model file (hex).</param>
/// <param name="Explainer">The composite, its parameters and the bn2 policy the walks used, and where that choice came from.</param>
/// <param name="Options">The analysis options.</param>
/// <param name="Parts">Folders of the merged parts (empty for a single run or a part).</param>
public sealed record ConceptRunConfig(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("model_sha256")] string ModelSha256,
    [property: JsonPropertyName("explainer")] ExplainerChoice Explainer,
    [property: JsonPropertyName("options")] ConceptOptions Options,
    [property: JsonPropertyName("parts")] IReadOnlyList<string> Parts)
{
    /// <summary>File name inside <c>explain/concepts/</c>.</summary>
    public const string FileName = "config.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) } };

    /// <summary>The configuration of a run with <paramref name="options"/> (the model's hash computed now).</summary>
    public static ConceptRunConfig For(ConceptOptions options, ExplainerChoice explainer)
    {
        string model = Path.GetFullPath(options.Model);
        if (!File.Exists(model))
        {
            throw new EcgXaiException(model, "model file not found");
        }
        using FileStream stream = File.OpenRead(model);
        return new ConceptRunConfig(model, Convert.ToHexStringLower(SHA256.HashData(stream)), explainer, options with { Model = model }, []);
    }

    /// <summary>Writes the configuration, atomically.</summary>
    public void Save(string path) => AtomicFile.WriteText(path, JsonSerializer.Serialize(this, Json) + "\n");

    /// <summary>Reads a configuration written by <see cref="Save"/>.</summary>
    public static ConceptRunConfig Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new EcgXaiException(path, "concept analysis config not found");
        }
        try
        {
            return JsonSerializer.Deserialize<ConceptRunConfig>(File.ReadAllText(path), Json) ?? throw new EcgXaiException(path, "empty config");
        }
        catch (JsonException e)
        {
            throw new EcgXaiException(path, "not a valid concept analysis config: " + e.Message);
        }
    }
}
