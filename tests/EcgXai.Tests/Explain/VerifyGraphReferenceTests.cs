using System.Globalization;
using System.Text.Json.Nodes;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.Explain;

/// <summary>
/// The lrp-graph fixtures (a plain CNN and an xresnet, zennit 0.4.6 + zennit-crp 0.6.0) through
/// <c>ecgxai verify-reference</c>: the graph is imported from the ONNX file the manifest names.
/// </summary>
public class VerifyGraphReferenceTests
{
    [SkippableTheory]
    [InlineData("cnn-epsilon-plus-flat", "ref.crp.features.9.input_per_lead")]
    [InlineData("xresnet-epsilon-plus-flat", "ref.crp.blocks.2.relu.input_per_lead")]
    [InlineData("xresnet-crp-branch", "ref.crp.blocks.1.relu1.input_per_lead")]
    public void GraphFixturePassesWithEveryTensorNearTheReference(string name, string crpTensor)
    {
        string manifest = SharedData.Require($"fixtures/lrp-graph/{name}.json");
        var (code, output, error) = CliRunner.Run("verify-reference", manifest);
        Assert.True(code == 0, output + error);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        int expected = JsonNode.Parse(File.ReadAllText(manifest))!["tensors"]!.AsObject().Count(t => t.Key != "ref.x");
        Assert.Equal(expected + 1, lines.Length);
        Assert.Contains(lines, l => l.StartsWith(crpTensor + "\t", StringComparison.Ordinal));
        foreach (string line in lines[..^1])
        {
            Assert.True(double.Parse(line.Split('\t')[1], CultureInfo.InvariantCulture) < 1e-9, line);
        }
    }

    private static string Copy(TempDir dir, string name, Action<JsonObject> edit)
    {
        string source = SharedData.Require($"fixtures/lrp-graph/{name}.json");
        JsonObject manifest = JsonNode.Parse(File.ReadAllText(source))!.AsObject();
        edit(manifest);
        string target = dir.File(name + ".json");
        File.WriteAllText(target, manifest.ToJsonString());
        foreach (string file in Directory.GetFiles(Path.GetDirectoryName(source)!, "xresnet-*.onnx").Append(Path.ChangeExtension(source, ".onnx")).Distinct())
        {
            File.Copy(file, dir.File(Path.GetFileName(file)));
        }
        File.Copy(Path.ChangeExtension(source, ".safetensors"), Path.ChangeExtension(target, ".safetensors"));
        return target;
    }

    [SkippableFact]
    public void TheGraphIsTheOnnxFileTheManifestNames()
    {
        using var dir = new TempDir();
        string otherWeights = Copy(dir, "xresnet-crp-branch", m => m["model"]!["onnx"] = "xresnet-epsilon-plus-flat.onnx");
        var (code, output, _) = CliRunner.Run("verify-reference", otherWeights);
        Assert.Equal(3, code);
        Assert.Contains("ref.logits\t", output);

        using var missingDir = new TempDir();
        string missing = Copy(missingDir, "cnn-epsilon-plus-flat", m => m["model"]!["onnx"] = "gone.onnx");
        (code, _, string error) = CliRunner.Run("verify-reference", missing);
        Assert.Equal(1, code);
        Assert.Contains(missingDir.File("gone.onnx"), error);
        Assert.Contains("not found", error);
    }

    [SkippableFact]
    public void AnotherCompositeOrABn2PolicyOnAGraphFixtureIsNoMatch()
    {
        using var dir = new TempDir();
        string plus = Copy(dir, "xresnet-crp-branch", m => m["composite"] = "epsilon_plus");
        var (code, output, _) = CliRunner.Run("verify-reference", plus);
        Assert.Equal(3, code);
        Assert.Contains("ref.act.blocks.1.relu1\t", output);

        using var policyDir = new TempDir();
        string policy = Copy(policyDir, "cnn-epsilon-plus-flat", m => m["bn2_policy"] = "pass");
        (code, _, string error) = CliRunner.Run("verify-reference", policy);
        Assert.Equal(1, code);
        Assert.Contains("bn2_policy applies to the Ribeiro ResNet only", error);
    }
}
