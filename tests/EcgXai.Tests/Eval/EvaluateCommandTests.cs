using EcgXai.Tests.Support;

namespace EcgXai.Tests.Eval;

public class EvaluateCommandTests
{
    [Fact]
    public void MissingOptionsAreUsageErrors()
    {
        Assert.Equal(2, CliRunner.Run("evaluate", "--data", "ptbxl:/x").Code);
        var (code, _, err) = CliRunner.Run("evaluate", "--model", "m.safetensors");
        Assert.Equal(2, code);
        Assert.Contains("'--data' is required", err);
        (code, _, err) = CliRunner.Run("evaluate", "--model", "m", "--data", "ptbxl:/x", "--bogus", "1");
        Assert.Equal(2, code);
        Assert.Contains("'--bogus'", err);
    }

    [Theory]
    [InlineData("--batch", "0", "--batch must be at least 1, got 0")]
    [InlineData("--bootstrap", "-5", "--bootstrap must be at least 1, got -5")]
    [InlineData("--seed", "x", "'x'")]
    [InlineData("--device", "gpu", "--device must be auto, cpu, cuda or cuda:N, got 'gpu'")]
    public void NumericAndChoiceOptionsAreCheckedBeforeAnyWork(string option, string value, string message)
    {
        using var dir = new TempDir();
        // The model does not exist: a usage error must be found before the checkpoint is even opened.
        var (code, _, err) = CliRunner.Run("evaluate", "--model", dir.File("absent.safetensors"), "--data", "ptbxl:" + dir.Path, option, value);
        Assert.Equal(2, code);
        Assert.Contains(message, err);
        Assert.DoesNotContain("checkpoint not found", err);
    }

    [Fact]
    public void MissingModelIsNamed()
    {
        using var dir = new TempDir();
        string model = dir.File("absent.safetensors");
        var (code, _, err) = CliRunner.Run("evaluate", "--model", model, "--data", $"ptbxl:{dir.Path}@test");
        Assert.Equal(1, code);
        Assert.Equal($"ecgxai evaluate: {model}: checkpoint not found", err.TrimEnd());
    }

    [Fact]
    public void MissingDatasetFolderIsNamedBeforeTheModelIsRead()
    {
        using var dir = new TempDir();
        string missing = dir.File("no such folder");
        var (code, _, err) = CliRunner.Run("evaluate", "--model", dir.File("absent.safetensors"), "--data", $"ptbxl:{dir.Path}@test", "--data", $"cpsc2018:{missing}");
        Assert.Equal(1, code);
        Assert.Equal($"ecgxai evaluate: {missing}: dataset folder not found (--data cpsc2018:{missing})", err.TrimEnd());
    }
}
