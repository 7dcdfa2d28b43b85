using EcgXai.Datasets;
using EcgXai.IO;
using EcgXai.Signals;
using EcgXai.Synthesis;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.Datasets;

/// <summary>Damaged copies of small synthetic datasets: records are read only inside the dataset, skipped records are named, and a run that keeps nothing fails.</summary>
public sealed class HostileDatasetTests
{
    private static PreparedDataset Prepare(string root, TempDir temp, PreprocessOptions? options = null) =>
        DatasetPreparer.Prepare("ptbxl:" + root, options ?? PreprocessOptions.Ribeiro, LabelMap.Ribeiro, temp.File("cache"));

    [Theory]
    [InlineData("../outside/00002_hr")]
    [InlineData("/tmp/00002_hr")]
    public void PtbXlFileNamesOutsideTheDatasetAreRefusedAndNamed(string name)
    {
        using var temp = new TempDir();
        string root = SyntheticData.Write(temp, SyntheticLayout.PtbXl, 3);
        string csv = Path.Combine(root, PtbXlLoader.DatabaseFile);
        string[] lines = File.ReadAllLines(csv);
        Assert.Contains("records500/00000/00002_hr", lines[2]);
        lines[2] = lines[2].Replace("records500/00000/00002_hr", name).Replace("records100/00000/00002_lr", name);
        File.WriteAllLines(csv, lines);
        FolderSnapshot before = FolderSnapshot.Of(root);

        using PreparedDataset data = Prepare(root, temp);

        Assert.Equal(["1", "3"], data.RecordIds);
        Assert.Equal(1, data.SkippedByReason[ContainedPath.OutsideReason]);
        SkippedRecord skipped = Assert.Single(data.SkippedRecords);
        Assert.Equal("2", skipped.Id);
        Assert.Equal(csv, skipped.File);
        Assert.Contains($"'{name}' resolves outside the dataset folder", skipped.Problem);
        before.AssertUnchanged(root);
    }

    [Fact]
    public void CsvRecordNamesOutsideTheDatasetAreRefusedInEveryLoader()
    {
        using var temp = new TempDir();
        string root = temp.File("cinc");
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "REFERENCE.csv"), "../../etc/passwd,N\n/etc/hosts,A\n");
        DatasetIndex cinc = DatasetIndex.Load(DatasetSpec.Parse("cinc2017:" + root));
        Assert.Empty(cinc.All);
        Assert.Equal(2, cinc.SkippedByReason[ContainedPath.OutsideReason]);
        Assert.Equal(["../../etc/passwd", "/etc/hosts"], cinc.SkippedRecords.Select(r => r.Id).Order(StringComparer.Ordinal));

        File.WriteAllText(Path.Combine(root, "REFERENCE.csv"), "Recording,First_label\n../../etc/passwd,1\n");
        DatasetIndex cpsc = DatasetIndex.Load(DatasetSpec.Parse("cpsc2018:" + root));
        Assert.Equal("../../etc/passwd", Assert.Single(cpsc.SkippedRecords).Id);
    }

    [Fact]
    public void SkippedRecordsAreNamedWithFileAndReason()
    {
        using var temp = new TempDir();
        string root = SyntheticData.Write(temp, SyntheticLayout.PtbXl, 4);
        File.Delete(Path.ChangeExtension(SyntheticData.PtbXlHeader(root, 3), ".dat"));

        using PreparedDataset data = Prepare(root, temp);

        SkippedRecord skipped = Assert.Single(data.SkippedRecords);
        Assert.Equal(("3", "missing"), (skipped.Id, skipped.Reason));
        Assert.EndsWith("00003_hr.dat", skipped.File);
        string csv = temp.File("skipped.csv");
        SkippedRecordsFile.Write(csv, [(data.Name, data.SkippedRecords)]);
        string[] rows = File.ReadAllLines(csv);
        Assert.Equal("dataset,record_id,file,reason,problem", rows[0]);
        Assert.StartsWith($"\"{data.Name}\",3,{skipped.File},missing,", rows[1].Replace($"{data.Name},", $"\"{data.Name}\","));
        string[] summary = SkippedRecordsFile.Summary(data.SkippedByReason, data.SkippedRecords, data.UnknownCodeCounts).ToArray();
        Assert.Equal("skipped: missing 1", summary[0]);
        Assert.StartsWith("  3: " + skipped.File + ": ", summary[1]);
    }

    [Fact]
    public void ARunInWhichEveryRecordIsSkippedFails()
    {
        using var temp = new TempDir();
        string root = SyntheticData.Write(temp, SyntheticLayout.PtbXl, 3);
        var e = Assert.Throws<EcgXaiException>(() => Prepare(root, temp, PreprocessOptions.Ribeiro with { MinimumSeconds = 10.5 }));
        Assert.StartsWith("ptbxl:" + root + ": every one of the 3 selected records was skipped (too-short 3); first: 1: ", e.Message);
    }

    [Fact]
    public void LeadsTheDataDoNotHaveAreRefusedBeforeTheRunInOneLine()
    {
        using var temp = new TempDir();
        string root = SyntheticData.Write(temp, SyntheticLayout.PtbXl, 3);
        var e = Assert.Throws<EcgXaiException>(() => Prepare(root, temp, PreprocessOptions.Ribeiro with { Leads = ["I", "II", "FOO"] }));
        Assert.StartsWith("ptbxl:" + root + ": the model's input needs leads I,II,FOO", e.Message);
        Assert.Contains("missing FOO", e.Message);
        Assert.DoesNotContain("\n", e.Message);
        Assert.False(Directory.Exists(temp.File("cache")));
    }

    [SkippableFact]
    public void UnreadableClassesAndUnknownCodesAreReported()
    {
        using var temp = new TempDir();
        string source = SharedData.Require("data/cinc2017");
        string root = temp.File("cinc");
        Directory.CreateDirectory(root);
        string[] rows = File.ReadAllLines(Path.Combine(source, "REFERENCE.csv")).Where(r => r.EndsWith(",N") || r.EndsWith(",A")).Take(6).ToArray();
        foreach (string id in rows.Select(r => r.Split(',')[0]))
        {
            File.Copy(Path.Combine(source, id + ".hea"), Path.Combine(root, id + ".hea"));
            File.Copy(Path.Combine(source, id + ".mat"), Path.Combine(root, id + ".mat"));
        }
        rows[^1] = rows[^1][..rows[^1].LastIndexOf(',')] + ",af";
        File.WriteAllLines(Path.Combine(root, "REFERENCE.csv"), rows);

        using PreparedDataset data = DatasetPreparer.Prepare("cinc2017:" + root, PreprocessOptions.Ribeiro with { Leads = ["I"] }, ["AF", "RBBB"], temp.File("cache"));

        Assert.Equal(["RBBB"], data.UnreadableClasses);
        Assert.Equal(1, data.UnknownCodeCounts["af"]);
        Assert.Contains("unknown label codes (read as no label): af (1)", SkippedRecordsFile.Summary(data.SkippedByReason, data.SkippedRecords, data.UnknownCodeCounts));
    }

    [Theory]
    [InlineData(InvalidSampleHandling.Skip)]
    [InlineData(InvalidSampleHandling.Interpolate)]
    public void MissingSamplesAreSkippedOrInterpolatedByOption(InvalidSampleHandling handling)
    {
        float[] samples = [1, float.NaN, float.NaN, 4, 5, float.NaN];
        var record = new EcgRecord("r", samples, 1, 100, ["I"], null, Sex.Unknown, [], [], "r.hea") { InvalidSampleCount = 3 };
        var preprocessor = new Preprocessor(new PreprocessOptions(["I"], 100, 6) { InvalidSamples = handling });
        if (handling == InvalidSampleHandling.Skip)
        {
            var e = Assert.Throws<InvalidRecordException>(() => preprocessor.Process(record));
            Assert.Equal("invalid-samples", e.Reason);
            Assert.StartsWith("r.hea: lead I has 3 of 6 samples marked missing", e.Message);
            return;
        }
        float[] output = preprocessor.Process(record);
        Assert.Equal([1, 2, 3, 4, 5, 5], output.Select(v => MathF.Round(v, 3)));
        Assert.True(float.IsNaN(samples[1]), "the record itself is not changed");
    }

    [Fact]
    public void InfiniteValuesAreStillRefused()
    {
        var record = new EcgRecord("r", [1, float.PositiveInfinity, 3, 4], 1, 100, ["I"], null, Sex.Unknown, [], [], "r.hea") { InvalidSampleCount = 0 };
        var preprocessor = new Preprocessor(new PreprocessOptions(["I"], 100, 4) { InvalidSamples = InvalidSampleHandling.Interpolate });
        Assert.Equal("non-finite", Assert.Throws<InvalidRecordException>(() => preprocessor.Process(record)).Reason);
    }
}
