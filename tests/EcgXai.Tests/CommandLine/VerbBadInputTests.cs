using Xunit.Abstractions;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.CommandLine;

/// <summary>
/// Every verb against every bad input of <see cref="VerbCaseTable"/> (missing file, garbage bytes, unknown class or
/// layer, model and data that do not fit, an unwritable output): exit code 1, one error line naming the file and the
/// problem, no stack trace, nothing changed in the run folder or beside the inputs; and every verb's good command
/// line, on inputs whose paths hold spaces, succeeds and writes its outputs.
/// </summary>
public class VerbBadInputTests(VerbInputs inputs, ITestOutputHelper output) : IClassFixture<VerbInputs>
{
    /// <summary>The refusals of the table.</summary>
    public static TheoryData<string> Refusals() => VerbCaseTable.Names(good: false);

    /// <summary>The good command lines of the table.</summary>
    public static TheoryData<string> GoodRuns() => VerbCaseTable.Names(good: true);

    [Theory]
    [MemberData(nameof(Refusals))]
    public void BadInputIsRefusedInOneLineAndChangesNothing(string name)
    {
        VerbCase bad = VerbCaseTable.Get(name);
        using var work = new TempDir();
        string run = work.File("run folder");
        Directory.CreateDirectory(run);
        File.WriteAllText(Path.Combine(run, "notes.txt"), "kept as it is");
        string[] args = inputs.Expand(bad.Args, run, work.File("tensor cache"));
        output.WriteLine(Refusal.Assert(1, inputs.Expand(bad.Named, run, ""), [work.Path, inputs.Root], args).Replace(inputs.Root, "INPUTS"));
    }

    [Theory]
    [MemberData(nameof(GoodRuns))]
    public void PathsWithSpacesWork(string name)
    {
        VerbCase good = VerbCaseTable.Get(name);
        using var work = new TempDir();
        string run = work.File("run folder");
        string[] args = inputs.Expand(good.Args, run, work.File("tensor cache"));
        FolderSnapshot before = FolderSnapshot.Of(inputs.Root);
        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.True(code == 0, $"ecgxai {string.Join(' ', args)}\nexit code {code}\n{stderr}");
        Assert.True(stdout.Length > 0, "nothing printed");
        Assert.DoesNotContain("   at ", stderr);
        foreach (string file in good.Named)
        {
            Assert.True(File.Exists(Path.Combine(run, file)), $"{file} not written: {stderr}");
        }
        before.AssertUnchanged(inputs.Root);
    }

    [Fact]
    public void ConceptShardsMergeAndTheAtlasWorkInARunFolderWithSpaces()
    {
        using var work = new TempDir();
        string run = work.File("shared run"), cache = work.File("tensor cache");
        string[] parts = [Path.Combine(run, "parts", "part 0"), Path.Combine(run, "parts", "part 1")];
        for (int i = 0; i < parts.Length; i++)
        {
            var (code, _, stderr) = CliRunner.Run("concepts", "--model", inputs["model"], "--data", "ptbxl:" + inputs["ptbxl"], "--target", "AF", "--layers", "blocks.2.out",
                "--top-k", "2", "--replicates", "0", "--top-concepts", "2", "--reference-count", "2", "--shard", $"{i}/2", "--out", parts[i], "--device", "cpu", "--cache", cache);
            Assert.True(code == 0, stderr);
        }
        FolderSnapshot before = FolderSnapshot.Of(inputs.Root);
        var merged = CliRunner.Run(["merge", "--out", run, .. parts, "--device", "cpu"]);
        Assert.True(merged.Code == 0, merged.Err);
        Assert.True(File.Exists(Path.Combine(run, "explain", "concepts", "statistics.csv")), merged.Err);
        var report = CliRunner.Run("report", "--run", run, "--model", inputs["model"]);
        Assert.True(report.Code == 0, report.Err);
        Assert.Contains("blocks.2.out", File.ReadAllText(Path.Combine(run, "report", "index.html")));
        before.AssertUnchanged(inputs.Root);
    }

    [SkippableFact]
    public void AReferenceFixtureInAFolderWithSpacesIsVerified()
    {
        string manifest = SharedData.Require("fixtures/lrp-reference/epsilon-plus-flat.json");
        using var work = new TempDir();
        string copy = work.File("my fixtures/epsilon plus flat.json");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(manifest, copy);
        File.Copy(Path.ChangeExtension(manifest, ".safetensors"), Path.ChangeExtension(copy, ".safetensors"));
        var (code, stdout, stderr) = CliRunner.Run("verify-reference", copy);
        Assert.True(code == 0, stderr);
        Assert.StartsWith("worst ", stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
    }
}
