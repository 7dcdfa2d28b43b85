using EcgXai.Explain.Graph.Onnx;
using EcgXai.IO;
using EcgXai.Models;
using TorchSharp;

namespace EcgXai.Explain.Graph;

/// <summary>
/// Opens a model to explain by file type: <c>.onnx</c> → <see cref="OnnxImporter"/>; anything else → an EcgXai checkpoint
/// (<see cref="Checkpoint.Load"/>) as <see cref="ResNet1d.ToGraph"/>. Every verb that explains takes its <c>--model</c> here.
/// </summary>
public static class ModelLoader
{
    /// <summary>True when <paramref name="path"/> names an ONNX file.</summary>
    public static bool IsOnnx(string path) => Path.GetExtension(path).Equals(".onnx", StringComparison.OrdinalIgnoreCase);

    /// <summary>Loads the model at <paramref name="path"/>; a missing or invalid file throws <see cref="EcgXaiException"/> naming it.</summary>
    public static LoadedModel Load(string path, ModelLoadOptions? options = null)
    {
        options ??= new ModelLoadOptions();
        if (!File.Exists(path))
        {
            throw new EcgXaiException(path, "model not found");
        }
        if (IsOnnx(path))
        {
            return new LoadedModel(path, OnnxImporter.Import(path, options), null);
        }
        var (model, _) = Checkpoint.Load(path, options.Device ?? TorchDevice.Resolve());
        return Wrap(path, model);
    }

    /// <summary>A fresh (randomly initialised, eval-mode) ResNet1d of <paramref name="config"/> on <paramref name="device"/>, named by its preset.</summary>
    public static LoadedModel Fresh(ResNet1dConfig config, torch.Device device)
    {
        var model = new ResNet1d(config);
        model.to(device);
        model.eval();
        return Wrap($"fresh {config.Preset} model", model);
    }

    private static LoadedModel Wrap(string source, ResNet1d model)
    {
        try
        {
            return new LoadedModel(source, model.ToGraph(), model);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }
}
