using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;
using EcgXai.IO;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace EcgXai.Models;

/// <summary>
/// Saves and loads <see cref="ResNet1d"/> weights under PyTorch's state_dict names. The primary format is one
/// safetensors file (float32) with the configuration as JSON in its metadata under <c>ecgxai.config</c> and
/// <see cref="CheckpointInfo"/> under <c>ecgxai.training</c>; a <c>.pt</c>/<c>.pth</c> path means a PyTorch
/// state_dict (<c>torch.save(model.state_dict())</c> zip format, via TorchSharp.PyBridge) whose configuration lives in
/// its own <c>NAME.config.json</c> beside it (so several models can share a folder; a folder's <c>config.json</c> is
/// still read for state_dicts without one). Both formats write <c>NAME.config.json</c>. Writes are atomic.
/// </summary>
public static class Checkpoint
{
    /// <summary>Metadata key of the model configuration JSON.</summary>
    public const string ConfigKey = "ecgxai.config";

    /// <summary>Metadata key of the training information JSON.</summary>
    public const string TrainingKey = "ecgxai.training";

    /// <summary>Name of the folder-wide configuration file read beside a checkpoint that has no <c>NAME.config.json</c> (the older layout).</summary>
    public const string ConfigFileName = "config.json";

    /// <summary>Extension of a checkpoint's own configuration file (<c>best.safetensors</c> → <c>best.config.json</c>).</summary>
    public const string ConfigExtension = ".config.json";

    /// <summary>JSON options of checkpoint metadata (NaN and infinities allowed as named literals).</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        WriteIndented = false,
    };

    /// <summary>
    /// Writes <paramref name="model"/> to <paramref name="path"/>: safetensors with config and <paramref name="info"/>
    /// metadata, or a PyTorch state_dict for <c>.pt</c>/<c>.pth</c> (where <paramref name="info"/> is not stored);
    /// then its configuration beside it (<see cref="ConfigPathOf"/>).
    /// </summary>
    public static void Save(ResNet1d model, string path, CheckpointInfo? info = null)
    {
        var state = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        using var scope = NewDisposeScope();
        foreach (var (name, tensor) in model.state_dict())
        {
            Tensor cpu = tensor.detach().cpu();
            state[name] = cpu.is_floating_point() ? cpu.to(ScalarType.Float32).contiguous() : cpu.contiguous();
        }
        string configJson = JsonSerializer.Serialize(model.Config, JsonOptions);
        if (IsPyTorch(path))
        {
            AtomicFile.Write(path, stream => PyTorchPickler.PickleStateDict(stream, state, leaveOpen: true));
        }
        else
        {
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["format"] = "pt",
                [ConfigKey] = configJson,
            };
            if (info is not null)
            {
                metadata[TrainingKey] = JsonSerializer.Serialize(info, JsonOptions);
            }
            SafeTensors.Write(path, state, metadata);
        }
        AtomicFile.WriteText(ConfigPathOf(path), JsonSerializer.Serialize(model.Config, new JsonSerializerOptions(JsonOptions) { WriteIndented = true }) + "\n");
    }

    /// <summary>
    /// Loads a checkpoint written by <see cref="Save"/> (or a PyTorch state_dict with its configuration beside it,
    /// <see cref="ConfigBeside"/>) onto
    /// <paramref name="device"/> (default: <see cref="TorchDevice.Resolve"/>), in eval mode.
    /// </summary>
    /// <exception cref="EcgXaiException">The file is missing or unreadable, its metadata or configuration is invalid,
    /// or its tensors do not match the configuration (missing, extra or mis-shaped).</exception>
    public static (ResNet1d Model, CheckpointInfo Info) Load(string path, Device? device = null)
    {
        if (!File.Exists(path))
        {
            throw new EcgXaiException(path, "checkpoint not found");
        }
        Dictionary<string, Tensor> tensors;
        ResNet1dConfig config;
        CheckpointInfo info;
        if (IsPyTorch(path))
        {
            tensors = ReadPyTorch(path);
            string configPath = ConfigBeside(path)
                ?? throw new EcgXaiException(path, $"a PyTorch state_dict needs its model configuration in {ConfigPathOf(path)} (or {LegacyConfigPath(path)}); neither exists");
            config = ParseConfig(configPath, File.ReadAllText(configPath));
            info = new CheckpointInfo();
        }
        else
        {
            (tensors, var metadata) = SafeTensors.Read(path);
            if (!metadata.TryGetValue(ConfigKey, out string? configJson))
            {
                DisposeAll(tensors);
                throw new EcgXaiException(path, $"no model configuration: the safetensors metadata has no '{ConfigKey}' entry (not an EcgXai checkpoint?)");
            }
            config = ParseConfig(path, configJson);
            info = metadata.TryGetValue(TrainingKey, out string? trainingJson) ? Parse<CheckpointInfo>(path, TrainingKey, trainingJson) : new CheckpointInfo();
        }
        var model = new ResNet1d(config);
        try
        {
            LoadStateDict(model, tensors, path);
        }
        catch
        {
            model.Dispose();
            throw;
        }
        finally
        {
            DisposeAll(tensors);
        }
        model.to(device ?? TorchDevice.Resolve());
        model.eval();
        return (model, info);
    }

    /// <summary>
    /// Copies <paramref name="tensors"/> (state_dict names, any float dtype, cast to the model's) into
    /// <paramref name="model"/>. Every parameter and buffer must be present with its shape, except BatchNorm's
    /// <c>num_batches_tracked</c>; names the model does not have are refused. <paramref name="source"/> names the file in errors.
    /// </summary>
    public static void LoadStateDict(ResNet1d model, IReadOnlyDictionary<string, Tensor> tensors, string source)
    {
        Dictionary<string, Tensor> target = model.state_dict();
        string[] missing = target.Keys.Where(k => !tensors.ContainsKey(k) && !k.EndsWith(".num_batches_tracked", StringComparison.Ordinal)).ToArray();
        string[] extra = tensors.Keys.Where(k => !target.ContainsKey(k)).ToArray();
        string[] misShaped = tensors.Where(p => target.TryGetValue(p.Key, out Tensor? t) && !t.shape.SequenceEqual(p.Value.shape))
            .Select(p => $"{p.Key} [{string.Join(", ", p.Value.shape)}] (model expects [{string.Join(", ", target[p.Key].shape)}])")
            .ToArray();
        var problems = new List<string>();
        AddProblem(problems, "missing tensors", missing);
        AddProblem(problems, "unexpected tensors", extra);
        AddProblem(problems, "mis-shaped tensors", misShaped);
        if (problems.Count > 0)
        {
            throw new EcgXaiException(source, $"weights do not match the model configuration ({model.Config.Preset}, filters {string.Join("-", model.Config.Filters)}): {string.Join("; ", problems)}");
        }
        using var _ = no_grad();
        foreach (var (name, tensor) in tensors)
        {
            Tensor destination = target[name];
            destination.copy_(tensor.to(destination.dtype, destination.device));
        }
    }

    /// <summary>True when <paramref name="path"/> names a PyTorch state_dict file (<c>.pt</c> or <c>.pth</c>).</summary>
    public static bool IsPyTorch(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".pt" or ".pth";

    /// <summary>The checkpoint's own configuration file: <c>NAME.config.json</c> beside <paramref name="path"/>.</summary>
    public static string ConfigPathOf(string path) => Path.ChangeExtension(Path.GetFullPath(path), ConfigExtension);

    /// <summary>
    /// The configuration file that describes the model at <paramref name="path"/>: its own <see cref="ConfigPathOf"/>,
    /// else the folder's <c>config.json</c> (older layout), else null.
    /// </summary>
    public static string? ConfigBeside(string path) =>
        new[] { ConfigPathOf(path), LegacyConfigPath(path) }.FirstOrDefault(File.Exists);

    /// <summary>The model configuration in the file <see cref="ConfigBeside"/> finds for <paramref name="path"/> (without reading the weights), or null when there is none (an ONNX graph).</summary>
    /// <exception cref="EcgXaiException">The configuration file is not a valid model configuration.</exception>
    public static ResNet1dConfig? ConfigOf(string path) => ConfigBeside(path) is { } config ? ParseConfig(config, File.ReadAllText(config)) : null;

    /// <summary>Deletes the checkpoint at <paramref name="path"/> and its own configuration file.</summary>
    public static void Delete(string path)
    {
        File.Delete(path);
        File.Delete(ConfigPathOf(path));
    }

    private static string LegacyConfigPath(string path) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, ConfigFileName);

    private static Dictionary<string, Tensor> ReadPyTorch(string path)
    {
        Hashtable table;
        try
        {
            using var stream = File.OpenRead(path);
            table = PyTorchUnpickler.UnpickleStateDict(stream, leaveOpen: false);
        }
        catch (Exception e) when (e is not EcgXaiException and not OutOfMemoryException)
        {
            throw new EcgXaiException(path, "not a readable PyTorch state_dict (torch.save zip format expected): " + e.Message, e);
        }
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in table)
        {
            if (entry.Key is not string name || entry.Value is not Tensor tensor)
            {
                throw new EcgXaiException(path, $"state_dict entry '{entry.Key}' is not a named tensor");
            }
            tensors[name] = tensor;
        }
        return tensors;
    }

    private static ResNet1dConfig ParseConfig(string path, string json)
    {
        ResNet1dConfig config = Parse<ResNet1dConfig>(path, ConfigKey, json);
        try
        {
            config.Validate();
        }
        catch (ArgumentException e)
        {
            throw new EcgXaiException(path, "invalid model configuration: " + e.Message, e);
        }
        return config;
    }

    private static T Parse<T>(string path, string key, string json)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, JsonOptions) ?? throw new EcgXaiException(path, $"'{key}' is null");
        }
        catch (JsonException e)
        {
            throw new EcgXaiException(path, $"'{key}' is not valid {typeof(T).Name} JSON: {e.Message}", e);
        }
    }

    private static void AddProblem(List<string> problems, string kind, string[] names)
    {
        if (names.Length > 0)
        {
            problems.Add($"{names.Length} {kind}: {string.Join(", ", names.Take(6))}{(names.Length > 6 ? ", ..." : "")}");
        }
    }

    private static void DisposeAll(Dictionary<string, Tensor> tensors)
    {
        foreach (Tensor t in tensors.Values)
        {
            t.Dispose();
        }
    }
}
