using System.Globalization;
using System.Text.Json;
using EcgXai.IO;
using EcgXai.Models;
using static TorchSharp.torch;

namespace EcgXai.Training;

/// <summary>The trainer's checkpoint files: model weights with their provenance, and the optimiser state.</summary>
internal static class ModelFiles
{
    /// <summary>Writes <paramref name="model"/> with its thresholds, epoch and data to <paramref name="path"/>.</summary>
    public static void Save(ResNet1d model, string path, IReadOnlyList<double> thresholds, int epoch, TrainingSetup setup)
    {
        var metadata = new Dictionary<string, string>
        {
            ["ecgxai.config"] = JsonSerializer.Serialize(model.Config),
            ["ecgxai.thresholds"] = JsonSerializer.Serialize(thresholds),
            ["ecgxai.epoch"] = epoch.ToString(CultureInfo.InvariantCulture),
            ["ecgxai.data"] = JsonSerializer.Serialize(setup.DataSpecs),
        };
        SafeTensors.Write(path, model.state_dict(), metadata);
    }

    /// <summary>Loads the weights saved at <paramref name="path"/> into <paramref name="model"/>.</summary>
    public static void LoadWeights(ResNet1d model, string path)
    {
        var (tensors, _) = SafeTensors.Read(path);
        try
        {
            model.load_state_dict(tensors);
        }
        finally
        {
            foreach (Tensor t in tensors.Values)
            {
                t.Dispose();
            }
        }
    }

    /// <summary>Writes the optimiser state atomically.</summary>
    public static void SaveOptimizer(TorchSharp.Modules.OptimizerHelper optimizer, string path) =>
        AtomicFile.Write(path, stream =>
        {
            using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            optimizer.save_state_dict(writer);
        });

    /// <summary>Restores the optimiser state written by <see cref="SaveOptimizer"/>.</summary>
    public static void LoadOptimizer(TorchSharp.Modules.OptimizerHelper optimizer, string path)
    {
        if (!File.Exists(path))
        {
            throw new EcgXaiException(path, "optimizer state of the last completed epoch is missing; the run cannot be resumed");
        }
        using var reader = new BinaryReader(File.OpenRead(path));
        optimizer.load_state_dict(reader);
    }
}
