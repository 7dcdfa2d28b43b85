using EcgXai.Tests.Support;

namespace EcgXai.Tests.CommandLine;

/// <summary>
/// Every verb against every bad input of <see cref="VerbCaseTable"/> (missing file, garbage bytes, unknown class or
/// layer, model and data that do not fit, an unwritable output): exit code 1, one error line naming the file and the
/// problem, no stack trace, nothing changed in the run folder or beside the inputs; and every verb's good command
/// line, on inputs whose paths hold spaces, succeeds and writes its outputs.
/// </summary>
public class VerbBadInputTests(VerbInputs inputs) : IClassFixture<VerbInputs>
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
        Refusal.Assert(1, inputs.Expand(bad.Named, run, ""), [work.Path, inputs.Root], args);
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
}
