using EcgXai.Explain.Attribution;
using EcgXai.Explain.Composites;
using EcgXai.Explain.Graph;
using EcgXai.IO;
using EcgXai.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace EcgXai.Bench;

/// <summary>
/// What every explanation benchmark starts from: the model (a fresh, seeded ResNet1d of a preset, or a file through
/// <see cref="ModelLoader"/>: EcgXai checkpoint or <c>.onnx</c>) in eval mode on the resolved device, and seeded
/// random records of its input shape and dtype. Owns both.
/// </summary>
public sealed class BenchModel : IDisposable
{
    private BenchModel(LoadedModel loaded, Tensor input)
    {
        Loaded = loaded;
        Input = input;
    }

    /// <summary>The opened model.</summary>
    public LoadedModel Loaded { get; }

    /// <summary>Its graph (the one forward).</summary>
    public ModelGraph Graph => Loaded.Graph;

    /// <summary>Where the model came from (a file, or "fresh PRESET model").</summary>
    public string Source => Loaded.Source;

    /// <summary>The device of the model and the input.</summary>
    public Device Device => Graph.Device;

    /// <summary>Random records <c>(records, …input shape)</c> in the model's dtype.</summary>
    public Tensor Input { get; }

    /// <summary>The ResNet1d behind the graph; throws when the model is an ONNX graph (the benchmark needs the native model).</summary>
    public ResNet1d Network => Loaded.Model ?? throw new ArgumentException($"{Source}: this benchmark needs an EcgXai ResNet1d, not an ONNX graph");

    /// <summary>
    /// Opens the model at <paramref name="modelPath"/>, or a fresh one of <paramref name="preset"/> when null, after seeding
    /// with <paramref name="seed"/>, and draws <paramref name="records"/> standard-normal records.
    /// </summary>
    public static BenchModel Open(string preset, string? modelPath, int seed, int records)
    {
        Device device = TorchDevice.Resolve();
        torch.manual_seed(seed);
        LoadedModel loaded = modelPath is { } path
            ? ModelLoader.Load(path, new ModelLoadOptions(device))
            : ModelLoader.Fresh(ResNet1dConfig.FromPreset(preset), device);
        try
        {
            return new BenchModel(loaded, randn([records, .. loaded.Graph.InputShape], dtype: loaded.Graph.DType, device: device));
        }
        catch
        {
            loaded.Dispose();
            throw;
        }
    }

    /// <summary>The attributor of the model for <paramref name="composite"/> (a ResNet1d with its default bn2 policy).</summary>
    public Attributor Attributor(Composite composite) =>
        Loaded.Model is { } network ? Explain.Attribution.Attributor.For(network, composite) : new Attributor(Graph, composite);

    /// <summary>A plain forward of <paramref name="batch"/> without gradients, result dropped.</summary>
    public void Forward(Tensor batch)
    {
        using var _ = no_grad();
        Graph.Forward(batch).Dispose();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Input.Dispose();
        Loaded.Dispose();
    }
}
