using System.Globalization;
using System.Text.Json.Nodes;
using EcgXai.Explain.Verification;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.Explain;

/// <summary>The zennit 0.4.6 / zennit-crp 0.6.0 fixtures through <c>ecgxai verify-reference</c>, and damaged copies of them.</summary>
public class VerifyReferenceTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliRunner.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [SkippableTheory]
    [InlineData("epsilon-plus-flat")]
    [InlineData("epsilon-alpha2-beta1-flat")]
    public void FixturePassesWithEveryTensorNearTheReference(string name)
    {
        string manifest = SharedData.Require($"fixtures/lrp-reference/{name}.json");
        var (code, output, _) = Run("verify-reference", manifest);
        Assert.Equal(0, code);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        int expected = JsonNode.Parse(File.ReadAllText(manifest))!["tensors"]!.AsObject().Count(t => t.Key != "ref.x");
        Assert.Equal(expected + 1, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("ref.crp.blocks.2.out.input_per_lead\t", StringComparison.Ordinal));
        Assert.StartsWith("worst ", lines[^1]);
        foreach (string line in lines[..^1])
        {
            double error = double.Parse(line.Split('\t')[1], CultureInfo.InvariantCulture);
            Assert.True(error < 1e-9, line);
        }
    }

    private static string DamagedCopy(TempDir dir, string name, Action<JsonObject> edit)
    {
        string source = SharedData.Require($"fixtures/lrp-reference/{name}.json");
        JsonObject manifest = JsonNode.Parse(File.ReadAllText(source))!.AsObject();
        edit(manifest);
        string target = Path.Combine(dir.Path, name + ".json");
        File.WriteAllText(target, manifest.ToJsonString());
        File.Copy(Path.ChangeExtension(source, ".safetensors"), Path.ChangeExtension(target, ".safetensors"));
        return target;
    }

    [SkippableFact]
    public void AnotherCompositeOrPolicyFailsTheCheckButRuns()
    {
        using var dir = new TempDir();
        string gammaBox = DamagedCopy(dir, "epsilon-plus-flat", m =>
        {
            m["composite"] = "epsilon_gamma_box";
            m["composite_params"] = new JsonObject { ["epsilon"] = 1e-6, ["gamma"] = 0.25, ["box_low"] = -4.0, ["box_high"] = 4.0 };
        });
        var (code, output, _) = Run("verify-reference", gammaBox);
        Assert.Equal(3, code);
        Assert.Contains("ref.logits\t", output);
        using var passDir = new TempDir();
        ReferenceVerification pass = ReferenceVerifier.Verify(DamagedCopy(passDir, "epsilon-plus-flat", m => m["bn2_policy"] = "pass"));
        Assert.False(pass.Passed());
        Assert.True(pass.Errors.First(e => e.Key == "ref.act.blocks.4.out").Value < 1e-12);
    }

    [SkippableFact]
    public void BadFixturesGiveClearErrors()
    {
        using var dir = new TempDir();
        string unknown = DamagedCopy(dir, "epsilon-plus-flat", m => m["composite"] = "lrp_magic");
        var (code, _, err) = Run("verify-reference", unknown);
        Assert.Equal(1, code);
        Assert.Contains("unknown composite 'lrp_magic'", err);
        Assert.Contains(unknown, err);

        using var other = new TempDir();
        string wrongModel = DamagedCopy(other, "epsilon-alpha2-beta1-flat", m => m["model"]!["filters"] = new JsonArray(16, 24, 32, 48, 96));
        (code, _, err) = Run("verify-reference", wrongModel);
        Assert.Equal(1, code);
        Assert.Contains("does not fit", err);

        (code, _, err) = Run("verify-reference", Path.Combine(dir.Path, "missing.json"));
        Assert.Equal(1, code);
        Assert.Contains("file not found", err);
    }
}
