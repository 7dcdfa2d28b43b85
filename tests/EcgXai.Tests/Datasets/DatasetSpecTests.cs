using EcgXai.Datasets;
using EcgXai.IO;

namespace EcgXai.Tests.Datasets;

public sealed class DatasetSpecTests
{
    [Theory]
    [InlineData("ptbxl:/data/ptb-xl", DatasetKind.PtbXl, "/data/ptb-xl", null)]
    [InlineData("cpsc2018:/d@train", DatasetKind.Cpsc2018, "/d", DatasetSplit.Train)]
    [InlineData("challenge:rel/dir@val", DatasetKind.Challenge, "rel/dir", DatasetSplit.Val)]
    [InlineData("cinc2017:/x@test", DatasetKind.Cinc2017, "/x", DatasetSplit.Test)]
    [InlineData("SPH:/s", DatasetKind.Sph, "/s", null)]
    [InlineData("ptbxl:C:/data/ptb@test", DatasetKind.PtbXl, "C:/data/ptb", DatasetSplit.Test)]
    public void ParsesKindPathAndSplit(string text, DatasetKind kind, string path, DatasetSplit? split)
    {
        DatasetSpec spec = DatasetSpec.Parse(text);
        Assert.Equal(new DatasetSpec(kind, path, split), spec);
        Assert.Equal(spec, DatasetSpec.Parse(spec.ToString()));
    }

    [Theory]
    [InlineData("/data/ptb-xl")]
    [InlineData("mitdb:/x")]
    [InlineData("ptbxl:")]
    [InlineData("ptbxl:/x@holdout")]
    public void RejectsMalformedSpecs(string text)
    {
        var e = Assert.ThrowsAny<EcgXaiException>(() => DatasetSpec.Parse(text));
        Assert.Equal(text, e.Path);
    }

    [Fact]
    public void AnAtInAnExistingFolderNameIsPartOfThePath()
    {
        using var temp = new Support.TempDir();
        string folder = temp.File("ecg@home");
        Directory.CreateDirectory(folder);
        Assert.Equal(new DatasetSpec(DatasetKind.Challenge, folder, null), DatasetSpec.Parse("challenge:" + folder));
        Assert.Equal(new DatasetSpec(DatasetKind.Challenge, folder, DatasetSplit.Val), DatasetSpec.Parse("challenge:" + folder + "@val"));
    }
}
