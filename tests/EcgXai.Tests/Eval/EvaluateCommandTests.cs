using EcgXai.Cli.Commands;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.Eval;

public class EvaluateCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CommandRegistry.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void MissingOptionsAreUsageErrors()
    {
        Assert.Equal(2, Run("evaluate", "--data", "ptbxl:/x").Code);
        var (code, _, err) = Run("evaluate", "--model", "m.safetensors");
        Assert.Equal(2, code);
        Assert.Contains("--data is required", err);
        Assert.Contains("unknown option --bogus", Run("evaluate", "--model", "m", "--data", "ptbxl:/x", "--bogus", "1").Err);
    }

    [Fact]
    public void MissingModelIsNamed()
    {
        using var dir = new TempDir();
        string model = dir.File("absent.safetensors");
        var (code, _, err) = Run("evaluate", "--model", model, "--data", "ptbxl:/x@test");
        Assert.Equal(1, code);
        Assert.Contains($"{model}: checkpoint not found", err);
    }
}
