using EcgXai.Datasets;
using EcgXai.Signals;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.Datasets;

public sealed class SphLoaderTests
{
    [SkippableFact]
    public void IndexesMetadataAndCountsTheFileWithoutARow()
    {
        string root = SharedData.Require("data/cinc2021-smoke/SPH");
        DatasetIndex index = DatasetIndex.Load(DatasetSpec.Parse("sph:" + root));

        Assert.Equal(Directory.GetFiles(root, "*.h5").Length - 1, index.All.Count);
        Assert.Equal(new Dictionary<string, int> { ["no-metadata"] = 1 }, index.SkippedByReason);
        Assert.DoesNotContain(index.All, e => e.Id == "SPH00005");
        DatasetEntry first = index.All[0];
        Assert.Equal(("SPH00001", "S00001", 55.0, Sex.Male, 500.0), (first.Id, first.PatientId, first.Age!.Value, first.Sex, first.SampleRate!.Value));
        Assert.Equal(["426177001", "427393009"], first.SourceLabels);
        Assert.Equal(["SB"], first.Labels);
        Assert.Equal(["427393009"], first.UnmappedCodes);
    }

    [SkippableFact]
    public void PreparesEveryDescribedRecord()
    {
        string root = SharedData.Require("data/cinc2021-smoke/SPH");
        using var cache = new TempDir();

        using PreparedDataset data = DatasetPreparer.Prepare("sph:" + root, new PreprocessOptions(LeadNames.Standard12, 500, 5000), LabelMap.Labels, cache.Path);

        Assert.Equal(9, data.Count);
        Assert.Equal(1, data.SkippedByReason["no-metadata"]);
        EcgRecord raw = Hdf5EcgReader.Read(Path.Combine(root, "SPH00001.h5"), 500);
        int n = raw.SampleCount, offset = (n - 5000) / 2;
        Assert.True(raw.Lead(1).Slice(offset, 5000).SequenceEqual(data.Signal(0).Slice(5000, 5000)));
    }
}
