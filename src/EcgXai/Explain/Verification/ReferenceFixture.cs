using EcgXai.Signals;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcgXai.Explain.Canonizers;
using EcgXai.Explain.Composites;
using EcgXai.IO;
using EcgXai.Models;
using TorchSharp;
using static TorchSharp.torch;
using IOPath = System.IO.Path;

namespace EcgXai.Explain.Verification;

/// <summary>
/// A zennit / zennit-crp reference fixture: the manifest <c>NAME.json</c> (model, composite and its parameters, optional
/// bn2 policy, target, recorded layers, CRP concepts) and <c>NAME.safetensors</c> beside it (state_dict weights and the
/// <c>ref.*</c> tensors). The model is either a Ribeiro ResNet given by its configuration (<c>filters</c>,
/// <c>lengths</c>, <c>kernel_size</c>: <c>../shared/fixtures/lrp-reference/</c>) or the ONNX file named by
/// <c>model.onnx</c> beside the manifest (any graph: <c>../shared/fixtures/lrp-graph/</c>). Owns the loaded tensors.
/// </summary>
public sealed class ReferenceFixture : IDisposable
{
    private ReferenceFixture(string path, ResNet1dConfig? config, string? onnxModel, Composite composite, Bn2Policy policy, int target, int sample,
        IReadOnlyList<string> layers, IReadOnlyDictionary<string, IReadOnlyList<int>> concepts, IReadOnlyList<string> tensorOrder,
        Dictionary<string, Tensor> tensors)
    {
        Path = path;
        Config = config;
        OnnxModel = onnxModel;
        Composite = composite;
        Policy = policy;
        Target = target;
        CrpSample = sample;
        LayersRecorded = layers;
        ConceptsPerLayer = concepts;
        TensorOrder = tensorOrder;
        Tensors = tensors;
    }

    /// <summary>Path of the manifest.</summary>
    public string Path { get; }

    /// <summary>Ribeiro ResNet configuration from <c>model</c>, or null when the model is an ONNX file.</summary>
    public ResNet1dConfig? Config { get; }

    /// <summary>Full path of the ONNX file named by <c>model.onnx</c> (beside the manifest), or null for a Ribeiro fixture.</summary>
    public string? OnnxModel { get; }

    /// <summary>Composite from <c>composite</c> and <c>composite_params</c>.</summary>
    public Composite Composite { get; }

    /// <summary>bn2 policy from <c>bn2_policy</c> (default gradient).</summary>
    public Bn2Policy Policy { get; }

    /// <summary>Target class of every row.</summary>
    public int Target { get; }

    /// <summary>Record of <c>ref.x</c> whose concepts are conditioned on.</summary>
    public int CrpSample { get; }

    /// <summary>Layers whose relevance and activation are referenced.</summary>
    public IReadOnlyList<string> LayersRecorded { get; }

    /// <summary>Concept channels conditioned on, per layer (one CRP row each).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<int>> ConceptsPerLayer { get; }

    /// <summary>Names of the <c>ref.*</c> tensors in manifest order.</summary>
    public IReadOnlyList<string> TensorOrder { get; }

    /// <summary>All tensors of the safetensors file (weights and references, float64).</summary>
    public IReadOnlyDictionary<string, Tensor> Tensors { get; }

    /// <summary>Loads the manifest at <paramref name="manifestPath"/> and the weights beside it; bad content throws <see cref="EcgXaiException"/>.</summary>
    public static ReferenceFixture Load(string manifestPath)
    {
        JsonObject manifest;
        try
        {
            manifest = JsonNode.Parse(File.ReadAllText(manifestPath))?.AsObject() ?? throw new EcgXaiException(manifestPath, "empty manifest");
        }
        catch (FileNotFoundException e)
        {
            throw new EcgXaiException(manifestPath, "file not found", e);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new EcgXaiException(manifestPath, "manifest is not a JSON object: " + e.Message, e);
        }
        try
        {
            return Parse(manifestPath, manifest);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException or NullReferenceException or KeyNotFoundException)
        {
            throw new EcgXaiException(manifestPath, "invalid manifest: " + e.Message, e);
        }
    }

    private static ReferenceFixture Parse(string path, JsonObject manifest)
    {
        JsonObject model = Required(manifest, "model").AsObject();
        string? onnx = model["onnx"]?.GetValue<string>();
        ResNet1dConfig? config = onnx is null ? RibeiroConfig(model) : null;
        var parameters = (manifest["composite_params"]?.AsObject() ?? [])
            .ToDictionary(p => p.Key, p => p.Value!.GetValue<double>());
        Composite composite = NamedComposites.FromName(Required(manifest, "composite").GetValue<string>(), parameters);
        string policyName = manifest["bn2_policy"]?.GetValue<string>() ?? "gradient";
        Bn2Policy policy = Enum.TryParse(policyName, ignoreCase: true, out Bn2Policy p) && policyName.All(char.IsLetter) ? p
            : throw new ArgumentException($"unknown bn2_policy '{policyName}' (known: gradient, pass, epsilon, fold)");
        if (onnx is not null && manifest["bn2_policy"] is not null)
        {
            throw new ArgumentException("bn2_policy applies to the Ribeiro ResNet only; an ONNX model's BatchNorms are folded into the convs before them");
        }
        string dtype = manifest["dtype"]?.GetValue<string>() ?? "float64";
        if (dtype != "float64")
        {
            throw new ArgumentException($"dtype '{dtype}' is not supported (fixtures are float64)");
        }
        JsonObject? crp = manifest["crp"]?.AsObject();
        var concepts = (crp?["concepts_per_layer"]?.AsObject() ?? [])
            .ToDictionary(c => c.Key, c => (IReadOnlyList<int>)Ints(c.Value!));
        IReadOnlyList<string> layers = (manifest["layers_recorded"]?.AsArray() ?? []).Select(n => n!.GetValue<string>()).ToArray();
        IReadOnlyList<string> order = (manifest["tensors"]?.AsObject() ?? []).Select(t => t.Key).ToArray();
        string weights = IOPath.ChangeExtension(path, ".safetensors");
        var (tensors, _) = SafeTensors.Read(weights);
        string? onnxModel = onnx is null ? null : IOPath.Combine(IOPath.GetDirectoryName(IOPath.GetFullPath(path))!, onnx);
        return new ReferenceFixture(path, config, onnxModel, composite, policy, Required(manifest, "target").GetValue<int>(),
            crp?["sample"]?.GetValue<int>() ?? 0, layers, concepts, order.Count > 0 ? order : tensors.Keys.Where(k => k.StartsWith("ref.", StringComparison.Ordinal)).Order().ToArray(), tensors);
    }

    /// <summary>
    /// The Ribeiro model of the fixture in float64 with its weights; missing or mis-shaped weights throw
    /// <see cref="EcgXaiException"/>, as does a fixture whose model is an ONNX file (<see cref="OnnxModel"/>).
    /// </summary>
    public ResNet1d BuildModel()
    {
        string weights = IOPath.ChangeExtension(Path, ".safetensors");
        var model = new ResNet1d(Config ?? throw new EcgXaiException(Path, $"the fixture's model is the ONNX file {OnnxModel}, not a Ribeiro ResNet"));
        model.to(ScalarType.Float64);
        var state = Tensors.Where(t => !t.Key.StartsWith("ref.", StringComparison.Ordinal)).ToDictionary(t => t.Key, t => t.Value);
        var expected = model.state_dict();
        string? missing = expected.Keys.FirstOrDefault(k => !k.EndsWith("num_batches_tracked", StringComparison.Ordinal) && !state.ContainsKey(k));
        string? misShaped = expected.Keys.FirstOrDefault(k => state.TryGetValue(k, out Tensor? t) && !t.shape.SequenceEqual(expected[k].shape));
        if (missing is not null || misShaped is not null)
        {
            model.Dispose();
            throw new EcgXaiException(weights, missing is not null ? $"weight '{missing}' is missing" : $"weight '{misShaped}' does not fit the manifest's model");
        }
        model.load_state_dict(state, strict: false);
        model.eval();
        return model;
    }

    private static ResNet1dConfig RibeiroConfig(JsonObject model)
    {
        int leads = model["leads"]?.GetValue<int>() ?? 12;
        int classes = model["classes"]?.GetValue<int>() ?? 6;
        var config = new ResNet1dConfig
        {
            Filters = Ints(Required(model, "filters")),
            Lengths = Ints(Required(model, "lengths")),
            KernelSize = Required(model, "kernel_size").GetValue<int>(),
            LeadNames = leads == LeadNames.Standard12.Count ? LeadNames.Standard12 : Enumerable.Range(1, leads).Select(i => $"lead{i}").ToArray(),
            ClassNames = classes == ResNet1dConfig.DefaultClasses.Count ? ResNet1dConfig.DefaultClasses : Enumerable.Range(0, classes).Select(i => $"class{i}").ToArray(),
        };
        config.Validate();
        return config;
    }

    private static JsonNode Required(JsonObject o, string key) => o[key] ?? throw new ArgumentException($"'{key}' is missing");

    private static int[] Ints(JsonNode node) => node.AsArray().Select(n => n!.GetValue<int>()).ToArray();

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (Tensor t in Tensors.Values)
        {
            t.Dispose();
        }
    }
}
