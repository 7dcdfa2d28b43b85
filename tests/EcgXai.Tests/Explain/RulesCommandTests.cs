using System.Text.Json.Nodes;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.Explain;

/// <summary><c>ecgxai rules</c> on a fresh Ribeiro model and on the lrp-graph ONNX files: the rule of every node and why.</summary>
public class RulesCommandTests
{
    /// <summary>The printed table: node name → (kind, shape, rule, why).</summary>
    private static Dictionary<string, string[]> Table(params string[] args)
    {
        var (code, output, error) = CliRunner.Run(["rules", .. args]);
        Assert.True(code == 0, error);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("node\tkind\tshape\trule\twhy", lines[0]);
        return lines[1..].Select(l => l.Split('\t')).ToDictionary(f => f[0], f => f[1..]);
    }

    [Fact]
    public void AFreshRibeiroModelShowsItsCanonizedGraphWithEveryRule()
    {
        var table = Table("--preset", "ribeiro", "--composite", "epsilon_plus_flat", "--device", "cpu");
        Assert.Equal(["Conv1d", "(64, 4096)"], table["conv1"][..2]);
        Assert.StartsWith("Flat", table["conv1"][2]);
        Assert.StartsWith("ZPlus", table["blocks.2.conv2"][2]);
        Assert.StartsWith("Norm", table["blocks.4.sum"][2]);
        Assert.Equal(["Add", "(320, 16)"], table["blocks.4.sum"][..2]);
        Assert.StartsWith("Pass", table["blocks.0.relu1"][2]);
        Assert.Equal(["Linear", "(6)"], table["lin"][..2]);
        Assert.StartsWith("Epsilon", table["lin"][2]);
        Assert.DoesNotContain("bn1", table.Keys);
        Assert.DoesNotContain("blocks.0.bn1", table.Keys);
        Assert.All(table.Values, row => Assert.False(string.IsNullOrWhiteSpace(row[3])));
        Assert.NotEqual(table["conv1"][3], table["blocks.2.conv2"][3]);
    }

    [SkippableFact]
    public void TheCnnFixtureGetsTheRulesOfItsManifest()
    {
        var table = Table("--model", SharedData.Require("fixtures/lrp-graph/cnn-epsilon-plus-flat.onnx"));
        Assert.StartsWith("Flat", table["features.0"][2]);
        Assert.StartsWith("ZPlus", table["features.4"][2]);
        Assert.StartsWith("ZPlus", table["features.7"][2]);
        Assert.StartsWith("Epsilon", table["head"][2]);
        Assert.StartsWith("Norm", table["pool"][2]);
        Assert.StartsWith("Pass", table["features.6"][2]);
        Assert.Equal(["MaxPool1d", "(16, 256)", "no rule (gradient)"], table["features.3"][..3]);
        Assert.Equal("no rule (gradient)", table["Flatten"][2]);
        Assert.DoesNotContain(table.Values, row => row[0] == "BatchNorm1d");
    }

    [SkippableFact]
    public void TheXresnetFixtureGetsNormOnItsSumsAndGradientOnConcat()
    {
        var table = Table("--model", SharedData.Require("fixtures/lrp-graph/xresnet-crp-branch.onnx"), "--composite", "epsilon_plus_flat");
        Assert.StartsWith("Flat", table["stem_conv"][2]);
        Assert.StartsWith("ZPlus", table["blocks.1.idconv"][2]);
        Assert.Equal(["Add", "(24, 128)"], table["blocks.1.Add"][..2]);
        Assert.StartsWith("Norm", table["blocks.1.Add"][2]);
        Assert.Equal(["MaxPool1d", "(32, 1)", "no rule (gradient)"], table["maxpool"][..3]);
        Assert.Equal(["Concat", "(64, 1)", "no rule (gradient)"], table["Concat"][..3]);
        Assert.StartsWith("Norm", table["avgpool"][2]);
        Assert.StartsWith("Epsilon", table["head"][2]);
        Assert.DoesNotContain(table.Values, row => row[0] == "BatchNorm1d");
    }

    /// <summary>
    /// Every lrp-graph ONNX file under its manifest's composite gets the rules the manifest states ("first conv Flat;
    /// other convs ZPlus; Linear Epsilon; residual sum Norm; average pool Norm; ReLU Pass; max pool, concat, flatten: no
    /// rule"), no BatchNorm survives folding, and the recorded layers are nodes under their module paths.
    /// </summary>
    [SkippableTheory]
    [InlineData("cnn-epsilon-plus-flat")]
    [InlineData("xresnet-epsilon-plus-flat")]
    [InlineData("xresnet-crp-branch")]
    public void EveryGraphFixtureGetsTheRulesItsManifestStates(string name)
    {
        string manifestPath = SharedData.Require($"fixtures/lrp-graph/{name}.json");
        JsonObject manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!.AsObject();
        Assert.Equal("epsilon_plus_flat", manifest["composite"]!.GetValue<string>());
        string onnx = Path.Combine(Path.GetDirectoryName(manifestPath)!, manifest["model"]!["onnx"]!.GetValue<string>());
        var (code, output, error) = CliRunner.Run("rules", "--model", onnx, "--composite", "epsilon_plus_flat");
        Assert.True(code == 0, error);
        string[][] rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1..].Select(l => l.Split('\t')).ToArray();
        string firstConv = rows.First(r => r[1] == "Conv1d")[0];
        foreach (string[] row in rows)
        {
            string expected = row[1] switch
            {
                "Conv1d" => row[0] == firstConv ? "Flat" : "ZPlus",
                "Linear" => "Epsilon",
                "Add" or "AvgPool1d" => "Norm",
                "Relu" => "Pass",
                "MaxPool1d" or "Concat" or "Flatten" => "no rule (gradient)",
                _ => $"no {row[1]} node in {name}",
            };
            Assert.True(row[3].StartsWith(expected, StringComparison.Ordinal), string.Join(' ', row));
            Assert.False(string.IsNullOrWhiteSpace(row[4]), row[0]);
        }
        Assert.Equal("first linear node", rows.First(r => r[0] == firstConv)[4]);
        Assert.All(manifest["layers_recorded"]!.AsArray(), layer => Assert.Contains(layer!.GetValue<string>(), rows.Select(r => r[0])));
    }

    [SkippableFact]
    public void ABn2PolicyOnAnOnnxGraphIsRefused()
    {
        var (code, _, error) = CliRunner.Run("rules", "--model", SharedData.Require("fixtures/lrp-graph/cnn-epsilon-plus-flat.onnx"), "--bn2-policy", "pass");
        Assert.Equal(1, code);
        Assert.Contains("applies to the Ribeiro ResNet only", error);
    }
}
