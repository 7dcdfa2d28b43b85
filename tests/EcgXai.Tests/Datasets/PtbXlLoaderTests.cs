using EcgXai.Datasets;
using EcgXai.Signals;
using EcgXai.Synthesis;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.Datasets;

public sealed class PtbXlLoaderTests
{
    [SkippableFact]
    public void IndexesEveryRowWithFoldsLabelsAndDemographics()
    {
        string root = SharedData.Require("data/ptbxl-sample");
        DatasetIndex index = DatasetIndex.Load(DatasetSpec.Parse("ptbxl:" + root), 100);

        Assert.Equal(521, index.All.Count);
        DatasetEntry first = index.All[0];
        Assert.Equal(("1", "15709", 56.0, Sex.Female), (first.Id, first.PatientId, first.Age!.Value, first.Sex));
        Assert.Equal(["NORM", "LVOLT", "SR"], first.SourceLabels);
        Assert.Equal(["NORM"], first.Labels);
        Assert.Equal(["LVOLT", "SR"], first.UnmappedCodes);
        Assert.Equal(3, first.Fold);
        Assert.EndsWith(Path.Combine("records100", "00000", "00001_lr.hea"), first.RecordPath);
        DatasetEntry second = index.All[1];
        Assert.Equal(Sex.Male, second.Sex);
        Assert.Equal(["SB", "NORM"], second.Labels);
        for (int i = 0; i < index.All.Count; i++)
        {
            Assert.Equal(DatasetSplitter.FoldSplit(index.All[i].Fold!.Value), index.Splits[i]);
        }
    }

    [SkippableFact]
    public void SplitsFollowFolds()
    {
        string root = SharedData.Require("data/ptbxl-sample");
        var train = DatasetIndex.Load(DatasetSpec.Parse("ptbxl:" + root + "@train")).Selected;
        var val = DatasetIndex.Load(DatasetSpec.Parse("ptbxl:" + root + "@val")).Selected;
        var test = DatasetIndex.Load(DatasetSpec.Parse("ptbxl:" + root + "@test")).Selected;

        Assert.Equal(521, train.Count + val.Count + test.Count);
        Assert.All(train, e => Assert.InRange(e.Fold!.Value, 1, 8));
        Assert.All(val, e => Assert.Equal(9, e.Fold));
        Assert.All(test, e => Assert.Equal(10, e.Fold));
    }

    [SkippableFact]
    public void PreparesThePresentRecordAndCountsMissingFiles()
    {
        string root = SharedData.Require("data/ptbxl-sample");
        using var cache = new TempDir();
        var options = new PreprocessOptions(LeadNames.Standard12, 100, 1000);

        using PreparedDataset data = DatasetPreparer.Prepare("ptbxl:" + root, options, LabelMap.Labels, cache.Path);

        Assert.Equal(["1"], data.RecordIds);
        Assert.Equal(520, data.SkippedByReason["missing-file"]);
        Assert.Equal(1, data.Label(0, LabelMap.Labels.ToList().IndexOf("NORM")));
        Assert.Equal(0, data.Label(0, LabelMap.Labels.ToList().IndexOf("AF")));
        EcgRecord raw = WfdbRecordReader.Read(Path.Combine(root, "records100", "00000", "00001_lr"));
        Assert.Equal(raw.Samples, data.Signal(0).ToArray());
    }

    [SkippableFact]
    public void TheRealRecords100FolderServesAModelAbove100HzFromItsLowRateFiles()
    {
        string root = SharedData.Require("data/ptbxl-records100");
        DatasetIndex index = DatasetIndex.Load(DatasetSpec.Parse("ptbxl:" + root), 400);

        Assert.Equal(698, index.All.Count);
        Assert.All(index.All, e => Assert.Matches(@"records100[/\\]\d{5}[/\\]\d{5}_lr\.hea$", e.RecordPath));
        Assert.Equal(100, index.All.Count(e => e.Labels.Contains("AF")));
        Assert.Equal(Enumerable.Range(1, 10), index.All.Select(e => e.Fold!.Value).Distinct().Order());

        using var cache = new TempDir();
        using PreparedDataset test = DatasetPreparer.Prepare("ptbxl:" + root + "@test", PreprocessOptions.Ribeiro, LabelMap.Ribeiro, cache.Path);
        Assert.Equal(index.All.Count(e => e.Fold == 10), test.Count + test.SkippedByReason.Values.Sum());
        Assert.True(test.Count > 50, $"only {test.Count} fold-10 records prepared");
        ReadOnlySpan<float> lead = test.Signal(0)[..4096];
        Assert.True(lead[..48].IndexOfAnyExcept(0f) < 0 && lead[^48..].IndexOfAnyExcept(0f) < 0, "10 s at 400 Hz is 4000 samples, centre-padded to 4096");
        Assert.True(lead[48..^48].IndexOfAnyExcept(0f) >= 0);
    }

    [Fact]
    public void TheRateChoiceTakesHighRateFilesWhereTheyExistAndSaysWhichInTheRunFolder()
    {
        using var temp = new TempDir();
        string root = SyntheticData.Write(temp, SyntheticLayout.PtbXl, 3);
        File.Delete(SyntheticData.PtbXlHeader(root, 2));

        string[] high = DatasetIndex.Load(DatasetSpec.Parse("ptbxl:" + root), 400).All.Select(e => e.RecordPath).ToArray();
        string[] low = DatasetIndex.Load(DatasetSpec.Parse("ptbxl:" + root), 100).All.Select(e => e.RecordPath).ToArray();

        Assert.Equal([SyntheticData.PtbXlHeader(root, 1), SyntheticData.PtbXlHeader(root, 2, lowRate: true), SyntheticData.PtbXlHeader(root, 3)], high);
        Assert.Equal(Enumerable.Range(1, 3).Select(i => SyntheticData.PtbXlHeader(root, i, lowRate: true)), low);
        using PreparedDataset data = DatasetPreparer.Prepare("ptbxl:" + root, PreprocessOptions.Ribeiro, LabelMap.Ribeiro, temp.File("cache"), temp.File("run"));
        Assert.Equal(3, data.Count);
        string[] rows = File.ReadAllLines(temp.File(Path.Combine("run", "data", "splits.csv")));
        Assert.Equal(["records500/00000/00001_hr.hea", "records100/00000/00002_lr.hea", "records500/00000/00003_hr.hea"], rows.Skip(1).Select(r => r.Split(',')[^1]));
    }
}
