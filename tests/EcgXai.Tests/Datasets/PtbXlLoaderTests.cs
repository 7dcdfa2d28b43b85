using EcgXai.Datasets;
using EcgXai.Signals;
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
}
