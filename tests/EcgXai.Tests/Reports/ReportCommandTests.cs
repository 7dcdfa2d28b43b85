using EcgXai.Reports.Atlas;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.Reports;

public class ReportCommandTests
{
    [Fact]
    public void Report_builds_the_atlas_and_merges_notes_from_a_path_with_spaces()
    {
        using var dir = new TempDir();
        string run = Path.Combine(dir.Path, "my run");
        Directory.CreateDirectory(run);
        AtlasRunFixture.Write(run);
        string sha = RunFolderReader.Read(new AtlasOptions(run)).ModelSha256;
        string notes = Path.Combine(dir.Path, "expert notes.json");
        ConceptNotes.Write(notes, [new ConceptNote(sha, "blocks.2.out", 1, "mixed", "QRS and T together", "2026-12-02T09:00:00Z")]);

        var (code, output, err) = CliRunner.Run("report", "--run", run, "--notes", notes);

        Assert.True(code == 0, err);
        Assert.Contains("atlas: 10 concepts", output, StringComparison.Ordinal);
        Assert.Contains("1 notes", output, StringComparison.Ordinal);
        Assert.Contains("QRS and T together", File.ReadAllText(Path.Combine(run, "report", "index.html")), StringComparison.Ordinal);
        Assert.Single(ConceptNotes.Read(Path.Combine(run, "report", "notes.json")));
    }

    [Fact]
    public void A_corrupt_notes_file_fails_with_one_line_and_leaves_the_run_unchanged()
    {
        using var dir = new TempDir();
        AtlasRunFixture.Write(dir.Path);
        string notes = dir.File("notes.json");
        File.WriteAllText(notes, "{\"schema\": \"ecgxai-atlas-notes/1\", \"notes\": [{\"channel\": \"x\"}]}");

        var (code, output, err) = CliRunner.Run("report", "--run", dir.Path, "--notes", notes);

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains("notes.json: note 0", Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "report")));
    }
}
