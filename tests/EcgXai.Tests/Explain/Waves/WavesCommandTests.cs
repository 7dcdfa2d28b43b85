using System.Text.Json;
using EcgXai.Synthesis.Evidence;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.Explain.Waves;

/// <summary>The <c>beats</c>, <c>dump --annotations</c> and <c>synth --evidence</c> verbs.</summary>
public class WavesCommandTests
{
    [SkippableFact]
    public void BeatsJsonLineIsLastAndCarriesTheScores()
    {
        string record = SharedData.Require("data/wfdb-conformance/100");
        var (code, stdout, _) = CliRunner.Run("beats", record + ".hea", "--reference", "atr", "--json", "--leads", "MLII");
        Assert.Equal(0, code);
        string[] lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using JsonDocument json = JsonDocument.Parse(lines[^1]);
        int beats = json.RootElement.GetProperty("beats").GetInt32();
        Assert.Equal(lines.Length - 1, beats);
        Assert.Equal(2273, json.RootElement.GetProperty("reference_beats").GetInt32());
        Assert.InRange(json.RootElement.GetProperty("sensitivity").GetDouble(), 0.995, 1);
        Assert.InRange(json.RootElement.GetProperty("positive_predictivity").GetDouble(), 0.995, 1);
    }

    [SkippableFact]
    public void DumpAnnotationsPrintsRdannLines()
    {
        string record = SharedData.Require("data/wfdb-conformance/100");
        var (code, stdout, _) = CliRunner.Run("dump", record, "--annotations", "atr");
        Assert.Equal(0, code);
        string[] lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2275, lines.Length);
        Assert.Equal(["0:00.050", "18", "+", "0", "0", "0", "(N"], lines[0].Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void SynthEvidenceWritesABinaryDatasetWithSidecars()
    {
        using var dir = new TempDir();
        string root = Path.Combine(dir.Path, "qrs");
        var (code, stdout, stderr) = CliRunner.Run("synth", "--out", root, "--records", "6", "--seed", "2", "--evidence", "qrs-wide");
        Assert.True(code == 0, stderr);
        Assert.Contains("EVIDENCE_QRS_WIDE", stdout);
        Assert.True(File.Exists(Path.Combine(root, "records100", "00000", "00001_lr" + EvidenceRegion.Extension)));
        Assert.Contains("EVIDENCE_QRS_WIDE", File.ReadAllText(Path.Combine(root, "ptbxl_database.csv")));
    }
}
