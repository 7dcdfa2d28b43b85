using TorchSharp;

namespace EcgXai.IO;

/// <summary>Chooses the tensor device: CUDA when the loaded TorchSharp build has it, else CPU; overridable by name.</summary>
public static class TorchDevice
{
    /// <summary>Resolves "auto" (or null), "cpu", "cuda" or "cuda:N" to a device.</summary>
    public static torch.Device Resolve(string? name = null)
    {
        if (string.IsNullOrWhiteSpace(name) || name == "auto")
        {
            return torch.cuda.is_available() ? torch.CUDA : torch.CPU;
        }
        return new torch.Device(name);
    }
}
