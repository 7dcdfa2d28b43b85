using System.Globalization;
using EcgXai.Models;
using EcgXai.Signals;
using EcgXai.Synthesis;
using EcgXai.Synthesis.Evidence;
using EcgXai.Tests.Models;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.CommandLine;

/// <summary>
/// The tiny inputs every verb is run on, written once per test class into a folder whose path holds spaces: small
/// random models (one whose leads the data lack, one with a planted-evidence output), synthetic data sets (PTB-XL
/// layout, planted evidence, single-lead CinC-2017 layout), single records, and damaged files of each format.
/// Tokens such as <c>{model}</c> in a command line template name them (see <see cref="Expand"/>).
/// </summary>
public sealed class VerbInputs : IDisposable
{
    private readonly TempDir dir = new();
    private readonly Dictionary<string, string> paths = new(StringComparer.Ordinal);

    /// <summary>Writes the inputs.</summary>
    public VerbInputs()
    {
        Root = dir.File("verb inputs");
        Directory.CreateDirectory(Path.Combine(Root, "my models"));
        SaveModel("model", TestModels.Tiny);
        SaveModel("vx-model", TestModels.Tiny with { LeadNames = [.. LeadNames.Standard12.Take(11), "VX"] });
        SaveModel("evidence-model", TestModels.Tiny with { ClassNames = [EvidenceKinds.Label(EvidenceKind.QrsWide), "NORM"] });
        Garbage("garbage-model", "my models/garbage model.safetensors");
        Garbage("garbage-onnx", "my models/garbage model.onnx");

        Add("ptbxl", "data sets/synthetic ptbxl");
        SyntheticDatasetWriter.Write(new SyntheticDatasetOptions(paths["ptbxl"], SyntheticLayout.PtbXl, 24, 5, SynthesisSettings.Default));
        Add("evidence", "data sets/planted evidence");
        SyntheticDatasetWriter.Write(new SyntheticDatasetOptions(paths["evidence"], SyntheticLayout.PtbXl, 16, 6, SynthesisSettings.Default) { Evidence = EvidenceKind.QrsWide });
        WriteSingleLeadDataset(Add("single-lead", "data sets/single lead cinc2017"), 6);
        Add("garbage-data", "data sets/garbage ptbxl");
        Directory.CreateDirectory(paths["garbage-data"]);
        Garbage("garbage-data-index", "data sets/garbage ptbxl/ptbxl_database.csv");
        Garbage("garbage-data-statements", "data sets/garbage ptbxl/scp_statements.csv");

        Directory.CreateDirectory(Path.Combine(Root, "my records"));
        paths["record"] = WfdbWriter.Write(Path.Combine(Root, "my records", "A0001"), Synthesised("A0001", 0).Record, WfdbWriteOptions.Cinc);
        paths["single-lead-record"] = WfdbWriter.Write(Path.Combine(Root, "my records", "S0001"), SingleLead(Synthesised("S0001", 1).Record), WfdbWriteOptions.Cinc);
        Garbage("garbage-record", "my records/G0001.hea");
        Garbage("garbage-mat", "my records/G0002.mat");
        Garbage("garbage-json", "my records/garbage fixture.json");
        Add("missing", "no such file");
        Add("empty-folder", "an empty folder");
        Directory.CreateDirectory(paths["empty-folder"]);
    }

    /// <summary>The folder holding every input (its path has spaces).</summary>
    public string Root { get; }

    /// <summary>The path a token names, e.g. <c>model</c> for <c>{model}</c>.</summary>
    public string this[string token] => paths[token];

    /// <summary>
    /// <paramref name="template"/> with each <c>{token}</c> replaced by its input path, <c>{run}</c> by
    /// <paramref name="run"/> and <c>{cache}</c> by <paramref name="cache"/>.
    /// </summary>
    public string[] Expand(IEnumerable<string> template, string run, string cache) => template
        .Select(arg => paths.Aggregate(arg.Replace("{run}", run).Replace("{cache}", cache), (a, p) => a.Replace("{" + p.Key + "}", p.Value)))
        .ToArray();

    /// <inheritdoc />
    public void Dispose() => dir.Dispose();

    private string Add(string token, string relative) => paths[token] = Path.Combine(Root, relative);

    private void SaveModel(string token, ResNet1dConfig config)
    {
        using ResNet1d model = TestModels.Random(config, 4);
        Checkpoint.Save(model, Add(token, $"my models/{token.Replace('-', ' ')}.safetensors"));
    }

    private void Garbage(string token, string relative)
    {
        File.WriteAllBytes(Add(token, relative), [.. Enumerable.Range(0, 256).Select(i => (byte)(i * 37 + 11))]);
    }

    private static SyntheticRecord Synthesised(string id, int index) => EcgSynthesizer.Generate(SynthesisSettings.Default, 3, index, 10, id);

    private static EcgRecord SingleLead(EcgRecord record) =>
        record with { Samples = record.Lead(0).ToArray(), LeadCount = 1, Leads = [record.Leads[0]] };

    /// <summary>A CinC-2017 layout set: single-signal WFDB records (lead I) and their REFERENCE.csv.</summary>
    private static void WriteSingleLeadDataset(string folder, int records)
    {
        Directory.CreateDirectory(folder);
        var reference = new List<string>();
        for (int i = 0; i < records; i++)
        {
            string id = string.Create(CultureInfo.InvariantCulture, $"A{i + 1:D5}");
            WfdbWriter.Write(Path.Combine(folder, id), SingleLead(Synthesised(id, i).Record), WfdbWriteOptions.Cinc);
            reference.Add($"{id},{(i % 2 == 0 ? "N" : "A")}");
        }
        File.WriteAllLines(Path.Combine(folder, "REFERENCE.csv"), reference);
    }
}
