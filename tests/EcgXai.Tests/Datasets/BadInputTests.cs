using System.Text.RegularExpressions;
using EcgXai.Datasets;
using EcgXai.IO;
using EcgXai.Signals;
using EcgXai.Synthesis;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.Datasets;

public sealed class BadInputTests
{
    private static readonly PreprocessOptions Options = PreprocessOptions.Ribeiro;

    private static PreparedDataset Prepare(string root, TempDir temp, PreprocessOptions? options = null) =>
        DatasetPreparer.Prepare("ptbxl:" + root, options ?? Options, LabelMap.Ribeiro, temp.File("cache"));

    private static void EditCsv(string root, Func<List<string>, List<string>> edit)
    {
        string csv = Path.Combine(root, PtbXlLoader.DatabaseFile);
        File.WriteAllLines(csv, edit(File.ReadAllLines(csv).ToList()));
    }

    [Fact]
    public void MissingFilesNamedInTheCsvAreSkippedAndCounted()
    {
        using var temp = new TempDir();
        string root = SyntheticData.Write(temp, SyntheticLayout.PtbXl, 6);
        File.Delete(SyntheticData.PtbXlHeader(root, 2));
        File.Delete(SyntheticData.PtbXlHeader(root, 5));
        File.Delete(SyntheticData.PtbXlHeader(root, 5, lowRate: true));

        using PreparedDataset data = Prepare(root, temp);

        Assert.Equal(["1", "2", "3", "4", "6"], data.RecordIds); // 2 falls back to its 100 Hz record
        Assert.Equal(new Dictionary<string, int> { ["missing-file"] = 1 }, data.SkippedByReason);
    }

    [Fact]
    public void DuplicateIdsKeepTheFirstRowAndAreCounted()
    {
        using var temp = new TempDir();
        string root = SyntheticData.Write(temp, SyntheticLayout.PtbXl, 4);
        EditCsv(root, lines => [.. lines, lines[2], lines[3]]);

        using PreparedDataset data = Prepare(root, temp);

        Assert.Equal(["1", "2", "3", "4"], data.RecordIds);
        Assert.Equal(2, data.SkippedByReason["duplicate-id"]);
    }

    [Fact]
    public void UnknownLabelCodesAreKeptRawAndCounted()
    {
        using var temp = new TempDir();
        string root = SyntheticData.Write(temp, SyntheticLayout.PtbXl, 3);
        EditCsv(root, lines => lines.Select((l, i) => i == 1 ? Regex.Replace(l, "\"?\\{([^}]*)\\}\"?", "\"{'XYZ9': 50.0, $1}\"") : l).ToList());
        File.WriteAllText(Path.Combine(root, PtbXlLoader.StatementsFile), ",description\nNORM,normal\nSR,sinus\nAFIB,af\n1AVB,x\nCRBBB,x\nCLBBB,x\nSBRAD,x\nSTACH,x\n");

        DatasetIndex index = DatasetIndex.Load(DatasetSpec.Parse("ptbxl:" + root));
        using PreparedDataset data = Prepare(root, temp);

        Assert.Contains("XYZ9", index.All[0].SourceLabels);
        Assert.Contains("XYZ9", index.All[0].UnmappedCodes);
        Assert.Equal(1, index.UnknownCodeCounts["XYZ9"]);
        Assert.False(index.UnknownCodeCounts.ContainsKey("SR"));
        Assert.Equal(1, data.UnmappedCodeCounts["XYZ9"]);
        Assert.Equal(3, data.Count);
    }

    [Fact]
    public void MalformedLabelDictionaryAndFoldSkipTheRow()
    {
        using var temp = new TempDir();
        string root = SyntheticData.Write(temp, SyntheticLayout.PtbXl, 3);
        EditCsv(root, lines => lines.Select((l, i) => i switch
        {
            1 => l.Replace("{'", "['"),
            2 => Regex.Replace(l, @",(\d+),records100", ",11,records100"),
            _ => l,
        }).ToList());

        DatasetIndex index = DatasetIndex.Load(DatasetSpec.Parse("ptbxl:" + root));

        Assert.Equal(["3"], index.All.Select(e => e.Id));
        Assert.Equal(new Dictionary<string, int> { ["bad-fold"] = 1, ["bad-labels"] = 1 }, index.SkippedByReason);
    }

    [Fact]
    public void MissingLeadsAreSkippedAndCounted()
    {
        using var temp = new TempDir();
        string root = SyntheticData.Write(temp, SyntheticLayout.PtbXl, 3);
        string header = SyntheticData.PtbXlHeader(root, 2);
        File.WriteAllText(header, File.ReadAllText(header).Replace(" V6\n", " V7\n"));

        using PreparedDataset data = Prepare(root, temp);
        using PreparedDataset limb = DatasetPreparer.Prepare("ptbxl:" + root, Options with { Leads = ["I", "II"] }, LabelMap.Ribeiro, temp.File("cache"));

        Assert.Equal(["1", "3"], data.RecordIds);
        Assert.Equal(1, data.SkippedByReason["missing-lead"]);
        Assert.Equal(3, limb.Count);
    }

    [Fact]
    public void MissingLeadsAreZeroFilledWhenAskedAndADatasetWithoutAnyRequestedLeadIsStillRefused()
    {
        using var temp = new TempDir();
        string root = SyntheticData.Write(temp, SyntheticLayout.PtbXl, 3);
        string header = SyntheticData.PtbXlHeader(root, 2);
        File.WriteAllText(header, File.ReadAllText(header).Replace(" V6\n", " V7\n"));
        var zero = Options with { Leads = ["I", "V6"], MissingLeads = MissingLeadHandling.Zero };

        using PreparedDataset data = Prepare(root, temp, zero);

        Assert.Equal(["1", "2", "3"], data.RecordIds);
        Assert.Empty(data.SkippedByReason);
        int length = data.Length;
        for (int r = 0; r < data.Count; r++)
        {
            ReadOnlySpan<float> row = data.Signal(r);
            Assert.Contains(row[..length].ToArray(), v => v != 0);
            Assert.Equal(r != 1, row[length..].ContainsAnyExcept(0f));
        }
        var e = Assert.Throws<EcgXaiException>(() => Prepare(root, temp, zero with { Leads = ["V8"] }));
        Assert.Contains("none to keep when zero-filling", e.Message);
    }

    [Fact]
    public void ARecordAtAnotherRateIsResampledFromItsOwnRate()
    {
        using var temp = new TempDir();
        string root = SyntheticData.Write(temp, SyntheticLayout.PtbXl, 2);
        string header = SyntheticData.PtbXlHeader(root, 2);
        string[] lines = File.ReadAllLines(header);
        lines[0] = lines[0].Replace(" 500 ", " 1000 ");
        File.WriteAllLines(header, lines);
        EcgRecord raw = WfdbRecordReader.Read(header);

        using PreparedDataset data = Prepare(root, temp);

        Assert.Equal(1000, raw.SampleRate);
        Assert.Equal(2, data.Count);
        ReadOnlySpan<float> lead = data.Signal(1)[..4096];
        int padding = (4096 - 2000) / 2;
        Assert.True(lead[..padding].IndexOfAnyExcept(0f) < 0);
        Assert.True(lead[(padding + 2000)..].IndexOfAnyExcept(0f) < 0);
        Assert.True(lead.Slice(padding, 2000).IndexOfAnyExcept(0f) >= 0);
    }

    [Fact]
    public void AMissingDatasetFolderOrIndexNamesThePath()
    {
        using var temp = new TempDir();
        var folder = Assert.ThrowsAny<EcgXaiException>(() => DatasetIndex.Load(DatasetSpec.Parse("ptbxl:" + temp.File("nope"))));
        Assert.Contains("nope", folder.Message);
        var csv = Assert.ThrowsAny<EcgXaiException>(() => DatasetIndex.Load(DatasetSpec.Parse("ptbxl:" + temp.Path)));
        Assert.EndsWith(PtbXlLoader.DatabaseFile, csv.Path);
        File.WriteAllText(temp.File(PtbXlLoader.DatabaseFile), "ecg_id,patient_id\n1,2\n");
        var column = Assert.ThrowsAny<EcgXaiException>(() => DatasetIndex.Load(DatasetSpec.Parse("ptbxl:" + temp.Path)));
        Assert.Contains("age", column.Problem);
    }

    [Fact]
    public void UnknownClassNamesAreRefused() =>
        Assert.Throws<ArgumentException>(() => DatasetPreparer.Prepare("ptbxl:/nowhere", Options, ["AF", "MI"]));
}
