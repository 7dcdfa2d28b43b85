using EcgXai.Datasets;
using EcgXai.Signals;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.Datasets;

public sealed class ChallengeLoaderTests
{
    private static string DxLine(string header) => File.ReadLines(header).FirstOrDefault(l => l.Replace(" ", "").StartsWith("#Dx:", StringComparison.Ordinal)) ?? "";

    [SkippableFact]
    public void IndexesEveryHeaderWithItsDxCodes()
    {
        string root = SharedData.Require("data/cinc2021-smoke");
        DatasetIndex index = DatasetIndex.Load(DatasetSpec.Parse("challenge:" + root));

        Assert.Equal(Directory.GetFiles(root, "*.hea", SearchOption.AllDirectories).Length, index.All.Count);
        foreach (DatasetEntry e in index.All)
        {
            string[] dx = DxLine(e.RecordPath).Split(':')[1].Split(',').Select(c => c.Trim()).ToArray();
            Assert.Equal(dx, e.SourceLabels);
            Assert.Equal(dx.Contains("164889003"), e.Labels.Contains("AF"));
            Assert.Equal(dx.Contains("164890007"), e.Labels.Contains("AFL"));
            Assert.Equal(dx.Contains("426783006"), e.Labels.Contains("NORM"));
            Assert.Equal(dx.Contains("59118001"), e.Labels.Contains("RBBB"));
            Assert.Equal(dx.Length, e.Labels.Count + e.UnmappedCodes.Count);
        }
        Assert.Equal(2, index.UnmappedCodeCounts["713426002"]);
    }

    [SkippableFact]
    public void PreparesAFolderAtTheRibeiroSetting()
    {
        string root = SharedData.Require("data/cinc2021-smoke/G12EC");
        using var cache = new TempDir();

        using PreparedDataset data = DatasetPreparer.Prepare("challenge:" + root, PreprocessOptions.Ribeiro, LabelMap.Ribeiro, cache.Path);

        Assert.Empty(data.SkippedByReason);
        Assert.Equal(Directory.GetFiles(root, "*.hea").Length, data.Count);
        Assert.Equal(12 * 4096, data.Signal(0).Length);
        Assert.Equal(LeadNames.Standard12, data.LeadNames);
    }

    [SkippableFact]
    public void ReadsChallenge2024LabelsLines()
    {
        string root = SharedData.Require("data/ptbxl-sample/challenge2024");
        DatasetIndex index = DatasetIndex.Load(DatasetSpec.Parse("challenge:" + root));

        Assert.Equal(60, index.All.Count);
        DatasetEntry e = index.All.Single(x => x.Id == "00841_hr");
        Assert.Equal(["STTC", "HYP", "PVC"], e.SourceLabels);
        Assert.Empty(e.Labels);
        Assert.Equal((73.0, Sex.Female), (e.Age!.Value, e.Sex));
        Assert.Equal(index.All.Count(x => x.SourceLabels.Contains("NORM")), index.All.Count(x => x.Labels.SequenceEqual(["NORM"])));
    }
}
