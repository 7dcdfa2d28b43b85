using EcgXai.Explain.Graph.Onnx;
using EcgXai.IO;
using EcgXai.Models;

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
        try
        {
            return new LoadedModel(path, model.ToGraph(), model);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }
}
