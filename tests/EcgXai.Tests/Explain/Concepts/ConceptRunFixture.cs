using EcgXai.Models;
using EcgXai.Synthesis;
using EcgXai.Tests.Models;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.Explain.Concepts;

/// <summary>A tiny random model and two small synthetic datasets (PTB-XL and CPSC-2018 layouts), shared by the concept run tests.</summary>
public sealed class ConceptRunFixture : IDisposable
{
    private readonly TempDir dir = new();

    /// <summary>Writes the data and the model.</summary>
    public ConceptRunFixture()
    {
        string ptbxl = dir.File("ptbxl"), cpsc = dir.File("cpsc");
        SyntheticDatasetWriter.Write(new SyntheticDatasetOptions(ptbxl, SyntheticLayout.PtbXl, 14, 3, SynthesisSettings.Default));
        SyntheticDatasetWriter.Write(new SyntheticDatasetOptions(cpsc, SyntheticLayout.Cpsc2018, 9, 4, SynthesisSettings.Default));
        Data = [$"ptbxl:{ptbxl}", $"cpsc2018:{cpsc}"];
        Model = Path.Combine(dir.Path, "run", "models", "best.safetensors");
        using var model = TestModels.Random(TestModels.Tiny, 17);
        Checkpoint.Save(model, Model);
        Cache = dir.File("cache");
    }

    /// <summary>The model checkpoint.</summary>
    public string Model { get; }

    /// <summary>The two dataset specs.</summary>
    public IReadOnlyList<string> Data { get; }

    /// <summary>Tensor cache folder.</summary>
    public string Cache { get; }

    /// <summary>A fresh folder under the fixture's temp folder.</summary>
    public string NewFolder(string name) => Directory.CreateDirectory(dir.File(name + "-" + Guid.NewGuid().ToString("N")[..6])).FullName;

    /// <inheritdoc />
    public void Dispose() => dir.Dispose();
}
