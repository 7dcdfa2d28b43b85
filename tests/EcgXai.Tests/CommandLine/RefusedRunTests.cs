using EcgXai.Models;
using EcgXai.Synthesis;
using EcgXai.Tests.Models;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.CommandLine;

/// <summary>
/// Refusals of <c>distill</c> and <c>evaluate</c> through the command line: a non-zero exit code, one line naming the
/// file and the problem, no stack trace, and nothing written in the run folder or beside the inputs.
/// </summary>
public class RefusedRunTests
{
    private static string Data(TempDir dir)
    {
        string data = dir.File("data");
        SyntheticDatasetWriter.Write(new SyntheticDatasetOptions(data, SyntheticLayout.PtbXl, 20, 5, SynthesisSettings.Default));
        return data;
    }

    private static string Model(TempDir dir)
    {
        string path = dir.File("model.safetensors");
        using var model = TestModels.Random(TestModels.Tiny, 4);
        Checkpoint.Save(model, path);
        return path;
    }

    /// <summary>A copy of <paramref name="path"/> cut to half its length.</summary>
    private static string Truncated(string path)
    {
        string cut = Path.ChangeExtension(path, ".cut.safetensors");
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);
        return cut;
    }

    private static void AssertRefused(TempDir dir, int expectedCode, string[] names, params string[] args) => Refusal.Assert(expectedCode, names, [dir.Path], args);

    [Theory]
    [InlineData("missing", "teacher not found")]
    [InlineData("truncated", "truncated safetensors file")]
    [InlineData("garbage", "corrupt safetensors header length")]
    public void DistillFromAMissingOrCorruptTeacherChangesNothing(string damage, string problem)
    {
        using var dir = new TempDir();
        string data = Data(dir);
        string teacher = damage switch
        {
            "missing" => dir.File("absent.safetensors"),
            "truncated" => Truncated(Model(dir)),
            _ => dir.File("garbage.safetensors"),
        };
        if (damage == "garbage")
        {
            File.WriteAllBytes(teacher, [.. Enumerable.Range(0, 64).Select(i => (byte)(i * 37))]);
        }
        string output = dir.File("out");
        Directory.CreateDirectory(output);

        AssertRefused(dir, 1, [teacher, problem], "distill", "--teacher", teacher, "--data", "ptbxl:" + data, "--out", output,
            "--filters", "4,4,4,4,4", "--epochs", "1", "--device", "cpu", "--cache", dir.File("out/cache"));
    }

    [Fact]
    public void EvaluateACorruptModelChangesNothing()
    {
        using var dir = new TempDir();
        string data = Data(dir);
        string model = Truncated(Model(dir));
        AssertRefused(dir, 1, [model, "truncated safetensors file"], "evaluate", "--model", model, "--data", $"ptbxl:{data}@test", "--out", dir.File("run"));
    }

    [Fact]
    public void EvaluateWithLeadsTheDataDoNotHaveChangesNothing()
    {
        using var dir = new TempDir();
        string data = Data(dir);
        string model = Model(dir);
        string leads = string.Join(",", TestModels.Tiny.LeadNames.Take(11).Append("FOO"));
        var (code, _, stderr) = CliRunner.Run("evaluate", "--model", model, "--data", $"ptbxl:{data}@test", "--out", dir.File("probe"), "--leads", leads);
        Assert.NotEqual(0, code);
        Assert.Contains("FOO", stderr);
        Assert.False(Directory.Exists(dir.File("probe")), "a refused evaluation created its run folder");
        AssertRefused(dir, code, ["FOO"], "evaluate", "--model", model, "--data", $"ptbxl:{data}@test", "--out", dir.File("run"), "--leads", leads);
    }

    [Theory]
    [InlineData("--batch", "0", "--batch must be at least 1, got 0")]
    [InlineData("--bootstrap", "-5", "--bootstrap must be at least 1, got -5")]
    public void EvaluateWithABadNumberChangesNothing(string option, string value, string message)
    {
        using var dir = new TempDir();
        string data = Data(dir);
        string model = Model(dir);
        AssertRefused(dir, 2, [message], "evaluate", "--model", model, "--data", $"ptbxl:{data}@test", "--out", dir.File("run"), option, value);
    }
}
