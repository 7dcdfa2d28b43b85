using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcgXai.IO;
using EcgXai.Models;
using Onnx;

namespace EcgXai.Explain.Graph.Onnx;

/// <summary>
/// Resolves the <see cref="GraphMetadata"/> of an ONNX file, field by field: its <c>metadata_props</c>
/// (<see cref="SampleRateKey"/>, <see cref="LeadsKey"/>, <see cref="ClassesKey"/>; lists comma-separated or as a JSON
/// array), else its configuration beside it (<c>NAME.config.json</c>, else the folder's <c>config.json</c>,
/// <see cref="Checkpoint.ConfigBeside"/>) (<c>sample_rate</c>, <c>lead_names</c>, <c>class_names</c>, as a checkpoint's
/// configuration writes them), else the options. Lead and class counts are checked against the model's input channels
/// and output width.
/// </summary>
public static class OnnxMetadata
{
    /// <summary>Metadata key of the sampling rate in Hz.</summary>
    public const string SampleRateKey = "ecgxai.sample_rate";

    /// <summary>Metadata key of the lead names in input channel order.</summary>
    public const string LeadsKey = "ecgxai.leads";

    /// <summary>Metadata key of the class names in logit order.</summary>
    public const string ClassesKey = "ecgxai.classes";

    /// <summary>The metadata of the model <paramref name="model"/> read from <paramref name="path"/>.</summary>
    /// <param name="path">The ONNX file (its folder holds the optional <c>config.json</c>).</param>
    /// <param name="model">The parsed model.</param>
    /// <param name="options">Fallbacks for what neither the file nor config.json states.</param>
    /// <param name="leads">Input channels of the model, or null when dynamic.</param>
    /// <param name="classes">Output width of the model, or null when dynamic.</param>
    public static GraphMetadata Resolve(string path, ModelProto model, ModelLoadOptions options, int? leads, int? classes)
    {
        var props = model.MetadataProps.GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
        string configPath = Checkpoint.ConfigBeside(path) ?? Checkpoint.ConfigPathOf(path);
        JsonObject? config = File.Exists(configPath) ? ReadConfig(configPath) : null;
        double? rate = (props.TryGetValue(SampleRateKey, out string? text) ? (double?)Rate(path, SampleRateKey, text) : null)
            ?? (config?["sample_rate"] is JsonNode node ? (double?)Rate(configPath, "sample_rate", node) : null)
            ?? options.SampleRate;
        IReadOnlyList<string>? leadNames = Names(path, props, LeadsKey, config, configPath, "lead_names") ?? options.LeadNames;
        IReadOnlyList<string>? classNames = Names(path, props, ClassesKey, config, configPath, "class_names") ?? options.ClassNames;
        CheckCount(path, "lead names", leadNames, leads, "input channels");
        CheckCount(path, "class names", classNames, classes, "outputs");
        return new GraphMetadata(rate, leadNames, classNames);
    }

    /// <summary>
    /// The sampling rate, lead names and class names of <paramref name="metadata"/>, all known, for loading data for the
    /// model at <paramref name="path"/>; throws <see cref="EcgXaiException"/> naming the file, every missing field and
    /// where it can be given.
    /// </summary>
    public static (double SampleRate, IReadOnlyList<string> LeadNames, IReadOnlyList<string> ClassNames) RequireForData(string path, GraphMetadata metadata)
    {
        var missing = new List<string>();
        if (metadata.SampleRate is null)
        {
            missing.Add($"the sampling rate (metadata '{SampleRateKey}', config.json 'sample_rate' or an option)");
        }
        if (metadata.LeadNames is null)
        {
            missing.Add($"the lead names (metadata '{LeadsKey}', config.json 'lead_names' or an option)");
        }
        if (metadata.ClassNames is null)
        {
            missing.Add($"the class names (metadata '{ClassesKey}', config.json 'class_names' or an option)");
        }
        return missing.Count == 0 ? (metadata.SampleRate!.Value, metadata.LeadNames!, metadata.ClassNames!)
            : throw new EcgXaiException(path, "cannot load data for this model: it does not state " + string.Join("; ", missing));
    }

    private static JsonObject ReadConfig(string configPath)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(configPath)) as JsonObject
                ?? throw new EcgXaiException(configPath, "is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new EcgXaiException(configPath, "is not valid JSON: " + e.Message, e);
        }
    }

    private static double Rate(string source, string key, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double rate) && rate > 0 && double.IsFinite(rate) ? rate
            : throw new EcgXaiException(source, $"'{key}' = '{text}' is not a positive sampling rate in Hz");

    private static double Rate(string source, string key, JsonNode node) =>
        Rate(source, key, node.GetValueKind() == JsonValueKind.Number ? node.GetValue<double>().ToString("R", CultureInfo.InvariantCulture) : node.ToString());

    private static IReadOnlyList<string>? Names(string path, Dictionary<string, string> props, string key, JsonObject? config, string configPath, string configKey)
    {
        if (props.TryGetValue(key, out string? text))
        {
            return text.TrimStart().StartsWith('[') ? List(path, key, ParseArray(path, key, text)) : Split(path, key, text);
        }
        return config?[configKey] is JsonNode node ? List(configPath, configKey, node) : null;
    }

    private static JsonNode ParseArray(string path, string key, string text)
    {
        try
        {
            return JsonNode.Parse(text)!;
        }
        catch (JsonException e)
        {
            throw new EcgXaiException(path, $"'{key}' is not a JSON array of names: {e.Message}", e);
        }
    }

    private static IReadOnlyList<string> Split(string source, string key, string text)
    {
        string[] names = text.Split(',', StringSplitOptions.TrimEntries);
        return names.All(n => n.Length > 0) ? names : throw new EcgXaiException(source, $"'{key}' = '{text}' has an empty name");
    }

    private static IReadOnlyList<string> List(string source, string key, JsonNode node)
    {
        string[]? names = node is JsonArray array && array.All(n => n?.GetValueKind() == JsonValueKind.String)
            ? array.Select(n => n!.GetValue<string>()).ToArray() : null;
        return names is not null && names.Length > 0 && names.All(n => n.Length > 0) ? names
            : throw new EcgXaiException(source, $"'{key}' must be a non-empty list of non-empty names, it is {node.ToJsonString()}");
    }

    private static void CheckCount(string path, string what, IReadOnlyList<string>? names, int? expected, string of)
    {
        if (names is not null && expected is int n && names.Count != n)
        {
            throw new EcgXaiException(path, $"{names.Count} {what} ({string.Join(",", names)}) for a model with {n} {of}");
        }
    }
}
