using System.Globalization;
using EcgXai.Datasets;
using EcgXai.IO;
using EcgXai.Signals;
using EcgXai.Synthesis;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.Synthesis;

public class DatasetWriterTests
{
    private static SyntheticDatasetSummary Write(string dir, SyntheticLayout layout, int records, ulong seed = 5, SynthesisSettings? settings = null) =>
        SyntheticDatasetWriter.Write(new SyntheticDatasetOptions(dir, layout, records, seed, settings ?? SynthesisSettings.Default));

    [Fact]
    public void SameSeedWritesIdenticalBytes()
    {
        using var tmp = new TempDir();
        foreach (SyntheticLayout layout in Enum.GetValues<SyntheticLayout>())
        {
            string a = Path.Combine(tmp.Path, layout + "a"), b = Path.Combine(tmp.Path, layout + "b"), c = Path.Combine(tmp.Path, layout + "c");
            Write(a, layout, 8);
            Write(b, layout, 8);
            Write(c, layout, 8, seed: 6);
            string[] files = Directory.GetFiles(a, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(a, f)).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(files, Directory.GetFiles(b, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(b, f)).Order(StringComparer.Ordinal));
            Assert.All(files, f => Assert.Equal(File.ReadAllBytes(Path.Combine(a, f)), File.ReadAllBytes(Path.Combine(b, f))));
            Assert.Contains(files.Where(f => f.EndsWith(".dat", StringComparison.Ordinal)), f =>
                !File.Exists(Path.Combine(c, f)) || !File.ReadAllBytes(Path.Combine(a, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(c, f))));
        }
    }

    [SkippableFact]
    public void PtbXlLayoutCopiesTheRealDatabaseColumnsAndLoadsThroughThePtbXlLoader()
    {
        string real = SharedData.Require("data/ptbxl-sample/ptbxl_database.csv");
        using var tmp = new TempDir();
        string dir = Path.Combine(tmp.Path, "ptbxl");
        Write(dir, SyntheticLayout.PtbXl, 60);
        Assert.Equal(File.ReadLines(real).First(), File.ReadLines(Path.Combine(dir, "ptbxl_database.csv")).First());
        Assert.True(File.Exists(Path.Combine(dir, "records500/00000/00001_hr.waves")));
        Assert.True(File.Exists(Path.Combine(dir, "records100/00000/00060_lr.dat")));

        // Record i's patient is the first draw of stream (seed, i), as EcgSynthesizer.Generate does.
        var truth = Enumerable.Range(0, 60).Select(i => SyntheticPatient.Draw(SynthesisSettings.Default, new SynthRandom(5, (ulong)i))).ToArray();
        foreach (double rate in new[] { 500.0, 100.0 })
        {
            DatasetIndex index = DatasetIndex.Load(DatasetSpec.Parse("ptbxl:" + dir), rate);
            Assert.Equal(60, index.All.Count);
            Assert.Empty(index.SkippedByReason);
            for (int i = 0; i < 60; i++)
            {
                DatasetEntry e = index.All[i];
                SyntheticPatient p = truth[i];
                Assert.Equal((i + 1).ToString(CultureInfo.InvariantCulture), e.Id);
                Assert.Equal(p.Labels.Order(StringComparer.Ordinal), e.Labels.Order(StringComparer.Ordinal));
                Assert.Equal(p.Age, e.Age);
                Assert.Equal(p.Sex, e.Sex);
                Assert.InRange(e.Fold ?? 0, 1, 10);
            }
            EcgRecord first = index.Read(index.All[0]);
            Assert.Equal(rate, first.SampleRate);
            Assert.Equal(10 * rate, first.SampleCount);
            Assert.Equal(truth[0].Labels, first.Labels);
        }
        // Folds are stratified: each of the 10 folds holds about a tenth of every class.
        DatasetIndex all = DatasetIndex.Load(DatasetSpec.Parse("ptbxl:" + dir), 500);
        foreach (string label in new[] { SyntheticLabels.Normal, SyntheticLabels.AtrialFibrillation })
        {
            var folds = all.All.Where(e => e.Labels.Contains(label)).GroupBy(e => e.Fold).Select(g => g.Count()).ToArray();
            Assert.True(folds.Max() - folds.Min() <= 3, $"{label}: fold sizes {string.Join(",", folds)}");
        }
        Assert.InRange(DatasetIndex.Load(DatasetSpec.Parse("ptbxl:" + dir + "@train"), 500).Selected.Count, 44, 52);
    }

    [Fact]
    public void ScpCodesFollowPtbXlConventions()
    {
        Assert.Equal("{'NORM': 100.0, 'SR': 0.0}", PtbXlLayoutWriter.ScpCodes([SyntheticLabels.Normal]));
        Assert.Equal("{'1AVB': 100.0, 'CRBBB': 100.0, 'SR': 0.0}", PtbXlLayoutWriter.ScpCodes([SyntheticLabels.FirstDegreeAvBlock, SyntheticLabels.RightBundleBranchBlock]));
        Assert.Equal("{'CLBBB': 100.0, 'AFIB': 0.0}", PtbXlLayoutWriter.ScpCodes([SyntheticLabels.AtrialFibrillation, SyntheticLabels.LeftBundleBranchBlock]));
        Assert.Equal("{'SBRAD': 0.0}", PtbXlLayoutWriter.ScpCodes([SyntheticLabels.SinusBradycardia]));
        Assert.Equal("{'STACH': 0.0}", PtbXlLayoutWriter.ScpCodes([SyntheticLabels.SinusTachycardia]));
    }

    [Fact]
    public void CpscLayoutWritesReferenceCodesDxLinesAndVariableLengths()
    {
        using var tmp = new TempDir();
        string dir = Path.Combine(tmp.Path, "cpsc");
        Write(dir, SyntheticLayout.Cpsc2018, 60, settings: SynthesisSettings.Shift);
        string[] reference = File.ReadAllLines(Path.Combine(dir, "REFERENCE.csv"));
        Assert.Equal("Recording,First_label,Second_label,Third_label", reference[0]);
        Assert.Equal(61, reference.Length);
        var lengths = new List<double>();
        for (int i = 0; i < 60; i++)
        {
            string[] row = reference[i + 1].Split(',');
            Assert.Equal($"A{i + 1:D4}", row[0]);
            EcgRecord rec = WfdbRecordReader.Read(Path.Combine(dir, row[0]));
            Assert.Equal(500, rec.SampleRate);
            lengths.Add(rec.DurationSeconds);
            var (labels, unmapped) = LabelMap.Encode(rec.SourceLabels, LabelVocabulary.Snomed);
            Assert.Empty(unmapped);
            var fromReference = LabelMap.Encode(row.Skip(1).Where(c => c.Length > 0), LabelVocabulary.Cpsc2018).Labels;
            // REFERENCE carries the CPSC-codable labels; SB/ST (no CPSC code) appear only in #Dx.
            Assert.Equal(labels.Where(l => SyntheticLabels.CpscCode(l) is not null), fromReference);
            Assert.NotNull(rec.Age);
            Assert.NotEqual(Sex.Unknown, rec.Sex);
            Assert.True(File.Exists(WaveAnnotation.SidecarPath(Path.Combine(dir, row[0]))));
        }
        Assert.All(lengths, s => Assert.InRange(s, 6, 60));
        Assert.True(lengths.Max() - lengths.Min() > 10, "record lengths vary");
    }

    [Fact]
    public void CpscLayoutLoadsThroughTheCpsc2018LoaderWithTheRightLabelsAndDemographics()
    {
        using var tmp = new TempDir();
        string dir = Path.Combine(tmp.Path, "cpsc");
        Write(dir, SyntheticLayout.Cpsc2018, 80, seed: 8);
        var truth = Enumerable.Range(0, 80).Select(i => SyntheticPatient.Draw(SynthesisSettings.Default, new SynthRandom(8, (ulong)i))).ToArray();
        Assert.Contains(truth, p => p.Labels.SequenceEqual([SyntheticLabels.SinusBradycardia]) || p.Labels.SequenceEqual([SyntheticLabels.SinusTachycardia]));
        DatasetIndex index = DatasetIndex.Load(DatasetSpec.Parse("cpsc2018:" + dir));
        Assert.Equal(80, index.All.Count);
        Assert.Empty(index.SkippedByReason);
        for (int i = 0; i < 80; i++)
        {
            DatasetEntry e = index.All[i];
            Assert.Equal($"A{i + 1:D4}", e.Id);
            Assert.Equal(truth[i].Labels.Order(StringComparer.Ordinal), e.Labels.Order(StringComparer.Ordinal));
            Assert.Equal(truth[i].Age, e.Age);
            Assert.Equal(truth[i].Sex, e.Sex);
        }
        EcgRecord first = index.Read(index.All[0]);
        Assert.Equal(truth[0].Labels.Order(StringComparer.Ordinal), first.Labels.Order(StringComparer.Ordinal));
        // Splits of a set without folds are seeded by patient and partition the records.
        int[] sizes = new[] { "train", "val", "test" }.Select(s => DatasetIndex.Load(DatasetSpec.Parse($"cpsc2018:{dir}@{s}")).Selected.Count).ToArray();
        Assert.Equal(80, sizes.Sum());
        Assert.All(sizes, n => Assert.True(n > 0));
    }

    [Fact]
    public void NonEmptyOutputFolderIsRefused()
    {
        using var tmp = new TempDir();
        File.WriteAllText(tmp.File("keep.txt"), "user data");
        var e = Assert.Throws<EcgXaiException>(() => Write(tmp.Path, SyntheticLayout.PtbXl, 2));
        Assert.Contains("not empty", e.Message);
        Assert.Equal("user data", File.ReadAllText(tmp.File("keep.txt")));
    }
}
