using EcgXai.Datasets;
using EcgXai.Signals;
using EcgXai.Synthesis;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.Datasets;

public sealed class Cpsc2018LoaderTests
{
    [Fact]
    public void SyntheticCpscLayoutRoundTripsWithReferenceAndHeaderLabelsUnited()
    {
        using var temp = new TempDir();
        string root = SyntheticData.Write(temp, SyntheticLayout.Cpsc2018, 12);
        DatasetIndex index = DatasetIndex.Load(DatasetSpec.Parse("cpsc2018:" + root));
        string[] reference = File.ReadAllLines(Path.Combine(root, "REFERENCE.csv")).Skip(1).ToArray();

        Assert.Equal(12, index.All.Count);
        foreach (DatasetEntry e in index.All)
        {
            string[] codes = reference.Single(r => r.StartsWith(e.Id + ",", StringComparison.Ordinal)).Split(',').Skip(1).Where(c => c != "").ToArray();
            WfdbHeader header = WfdbHeader.Read(Path.Combine(root, e.Id));
            var expected = new HashSet<string>();
            expected.UnionWith(codes.Select(c => LabelMap.Map(LabelVocabulary.Cpsc2018, c)).OfType<string>());
            expected.UnionWith(header.SourceLabels.Select(c => LabelMap.Map(LabelVocabulary.Snomed, c)).OfType<string>());
            Assert.Equal(expected.Order(), e.Labels.Order());
            Assert.Equal((header.Age, header.Sex), (e.Age, e.Sex));
        }
        Assert.Contains(index.All, e => e.Labels.Contains("SB") || e.Labels.Contains("ST"));

        using PreparedDataset data = DatasetPreparer.Prepare("cpsc2018:" + root, PreprocessOptions.Ribeiro, LabelMap.Labels, temp.File("cache"));
        Assert.Equal(12, data.Count);
    }

    [SkippableFact]
    public void MissingFilesOfTheFullReferenceAreSkippedAndCounted()
    {
        string root = SharedData.Require("data/cpsc2018-original");
        int rows = File.ReadAllLines(Path.Combine(root, "REFERENCE.csv")).Length - 1;
        int present = Directory.GetFiles(root, "*.mat").Length;

        DatasetIndex index = DatasetIndex.Load(DatasetSpec.Parse("cpsc2018:" + root));

        Assert.Equal(rows - present, index.SkippedByReason["missing-file"]);
        Assert.Equal(rows, index.All.Count + index.SkippedByReason.Values.Sum());
    }

    [SkippableFact]
    public void PreparesTheOriginalMatlabRecordsWithTheirDemographics()
    {
        string root = SharedData.Require("data/cpsc2018-original");
        using var cache = new TempDir();

        using PreparedDataset data = DatasetPreparer.Prepare("cpsc2018:" + root, new PreprocessOptions(LeadNames.Standard12, 500, 2000), LabelMap.Labels, cache.Path);

        string[] files = Directory.GetFiles(root, "*.mat").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToArray()!;
        Assert.Equal(files, data.RecordIds.Order(StringComparer.Ordinal));
        int row = 0;
        EcgRecord raw = Mat5EcgReader.Read(Path.Combine(root, data.RecordIds[row] + ".mat"));
        Assert.Equal((raw.Age, raw.Sex), (data.Ages[row], data.Sexes[row]));
        int offset = (raw.SampleCount - 2000) / 2;
        Assert.True(raw.Lead(11).Slice(offset, 2000).SequenceEqual(data.Signal(row).Slice(11 * 2000, 2000)));
        string codes = File.ReadLines(Path.Combine(root, "REFERENCE.csv")).Single(l => l.StartsWith(data.RecordIds[row] + ",", StringComparison.Ordinal));
        foreach ((string code, string label) in new[] { ("1", "NORM"), ("2", "AF"), ("3", "1dAVb"), ("4", "LBBB"), ("5", "RBBB") })
        {
            Assert.Equal(codes.Split(',').Skip(1).Contains(code) ? 1f : 0f, data.Label(row, LabelMap.Labels.ToList().IndexOf(label)));
        }
    }
}
