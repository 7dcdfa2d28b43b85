using EcgXai.Datasets;
using EcgXai.Signals;
using EcgXai.Synthesis;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.Datasets;

public sealed class TensorCacheTests
{
    private sealed class Stages : IProgress<DatasetProgress>
    {
        public List<string> Seen { get; } = [];

        public void Report(DatasetProgress value) => Seen.Add(value.Stage);
    }

    [Fact]
    public void ACacheHitReturnsIdenticalDataMemoryMapped()
    {
        using var temp = new TempDir();
        string root = SyntheticData.Write(temp, SyntheticLayout.PtbXl, 5);
        string cache = temp.File("cache");
        var first = new Stages();
        var second = new Stages();

        using PreparedDataset built = DatasetPreparer.Prepare("ptbxl:" + root, PreprocessOptions.Ribeiro, LabelMap.Labels, cache, progress: first);
        using PreparedDataset hit = DatasetPreparer.Prepare("ptbxl:" + root, PreprocessOptions.Ribeiro, LabelMap.Labels, cache, progress: second);

        Assert.Contains("preprocess", first.Seen);
        Assert.DoesNotContain("preprocess", second.Seen);
        Assert.Contains("cache", second.Seen);
        Assert.IsType<MappedPreparedDataset>(hit);
        Assert.Equal(built.RecordIds, hit.RecordIds);
        Assert.Equal(built.PatientIds, hit.PatientIds);
        Assert.Equal(built.Ages, hit.Ages);
        Assert.Equal(built.Sexes, hit.Sexes);
        for (int i = 0; i < built.Count; i++)
        {
            Assert.True(built.Signal(i).SequenceEqual(hit.Signal(i)));
            for (int c = 0; c < LabelMap.Labels.Count; c++)
            {
                Assert.Equal(built.Label(i, c), hit.Label(i, c));
            }
        }
        Assert.Equal(2, Directory.GetFiles(cache).Length);
        Assert.Equal(5L * 12 * 4096 * 4, new FileInfo(Directory.GetFiles(cache, "*.f32").Single()).Length);
    }

    [Fact]
    public void ChangedFilesOrSettingsGiveANewKey()
    {
        using var temp = new TempDir();
        string root = SyntheticData.Write(temp, SyntheticLayout.PtbXl, 3);
        DatasetIndex index = DatasetIndex.Load(DatasetSpec.Parse("ptbxl:" + root), 400);
        string key = TensorCache.Key(index, PreprocessOptions.Ribeiro, LabelMap.Ribeiro, 1);

        Assert.Equal(key, TensorCache.Key(DatasetIndex.Load(DatasetSpec.Parse("ptbxl:" + root), 400), PreprocessOptions.Ribeiro, LabelMap.Ribeiro, 1));
        Assert.NotEqual(key, TensorCache.Key(index, PreprocessOptions.Ribeiro with { Length = 4000 }, LabelMap.Ribeiro, 1));
        Assert.NotEqual(key, TensorCache.Key(index, PreprocessOptions.Ribeiro, LabelMap.Labels, 1));
        Assert.NotEqual(key, TensorCache.Key(DatasetIndex.Load(DatasetSpec.Parse("ptbxl:" + root + "@test"), 400), PreprocessOptions.Ribeiro, LabelMap.Ribeiro, 1));
        File.SetLastWriteTimeUtc(SyntheticData.PtbXlHeader(root, 2), DateTime.UtcNow.AddMinutes(1));
        Assert.NotEqual(key, TensorCache.Key(index, PreprocessOptions.Ribeiro, LabelMap.Ribeiro, 1));
    }

    [Fact]
    public void InMemoryDatasetChecksShapes()
    {
        var data = new InMemoryPreparedDataset("m", new float[2 * 3 * 4], [1, 0, 0, 1], ["a", "b"], ["p", "p"], [50, null],
            [Sex.Male, Sex.Female], ["I", "II", "III"], ["AF", "SB"], 400, 4);
        Assert.Equal((2, 3, 1f, 0f), (data.Count, data.LeadCount, data.Label(1, 1), data.Label(1, 0)));
        Assert.Throws<ArgumentException>(() => new InMemoryPreparedDataset("m", new float[5], [1, 0, 0, 1], ["a", "b"], ["p", "p"], [50, null],
            [Sex.Male, Sex.Female], ["I", "II", "III"], ["AF", "SB"], 400, 4));
    }

    /// <summary>
    /// The preprocessing code's fingerprint, pinned: when this fails the preprocessing output changed, every cache key
    /// changed with it (no version to bump), and the new value is pinned here after checking the change was meant.
    /// </summary>
    [Fact]
    public void TheCodeVersionOfThePreprocessingIsPinnedAndFollowsEverySetting()
    {
        Assert.Equal("839a9367e59d3e4d", TensorCache.CodeVersion(PreprocessOptions.Ribeiro));
        Assert.NotEqual(TensorCache.CodeVersion(PreprocessOptions.Ribeiro), TensorCache.CodeVersion(PreprocessOptions.Ribeiro with { HighPassHz = 0.5 }));
        Assert.NotEqual(TensorCache.CodeVersion(PreprocessOptions.Ribeiro), TensorCache.CodeVersion(PreprocessOptions.Ribeiro with { InvalidSamples = InvalidSampleHandling.Interpolate }));
    }
}
