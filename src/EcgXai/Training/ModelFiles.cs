using TorchSharp.Modules;
using EcgXai.IO;
using EcgXai.Models;
using static TorchSharp.torch;

namespace EcgXai.Training;

/// <summary>What the trainer restores on resume: weights of an epoch checkpoint, and the optimiser state.</summary>
internal static class ModelFiles
{
    /// <summary>Loads the weights of the checkpoint at <paramref name="path"/> into <paramref name="model"/>.</summary>
    public static void LoadWeights(ResNet1d model, string path)
    {
        var (tensors, _) = SafeTensors.Read(path);
        try
        {
            Checkpoint.LoadStateDict(model, tensors, path);
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
    public static void SaveOptimizer(OptimizerHelper optimizer, string path) =>
        AtomicFile.Write(path, stream =>
        {
            using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            optimizer.save_state_dict(writer);
        });

    /// <summary>Restores the optimiser state written by <see cref="SaveOptimizer"/>.</summary>
    public static void LoadOptimizer(OptimizerHelper optimizer, string path)
    {
        if (!File.Exists(path))
        {
            throw new EcgXaiException(path, "optimizer state of the last completed epoch is missing; the run cannot be resumed");
        }
        using var reader = new BinaryReader(File.OpenRead(path));
        optimizer.load_state_dict(reader);
    }
}
