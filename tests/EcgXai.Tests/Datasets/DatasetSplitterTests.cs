using EcgXai.Datasets;
using EcgXai.Signals;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.Datasets;

public sealed class DatasetSplitterTests
{
    /// <summary>300 patients with 1–3 records each; every 7th patient has AF, every 11th LBBB.</summary>
    private static List<DatasetEntry> Entries()
    {
        var entries = new List<DatasetEntry>();
        for (int p = 0; p < 300; p++)
        {
            string[] labels = [.. p % 7 == 0 ? new[] { "AF" } : [], .. p % 11 == 0 ? new[] { "LBBB" } : []];
            for (int r = 0; r <= p % 3; r++)
            {
                entries.Add(new DatasetEntry($"r{p}-{r}", $"p{p}", 50, Sex.Male, labels, labels, [], "/x", []));
            }
        }
        return entries;
    }

    [Fact]
    public void SplitIsDeterministicPatientDisjointAndStratified()
    {
        List<DatasetEntry> entries = Entries();
        IReadOnlyList<DatasetSplit> a = DatasetSplitter.Assign(entries, 5);
        IReadOnlyList<DatasetSplit> b = DatasetSplitter.Assign(entries.AsEnumerable().Reverse().ToList(), 5).Reverse().ToList();

        Assert.Equal(a, DatasetSplitter.Assign(entries, 5));
        Assert.Equal(a, b);
        Assert.NotEqual(a, DatasetSplitter.Assign(entries, 6));
        var splitOfPatient = entries.Zip(a).GroupBy(x => x.First.PatientId).ToDictionary(g => g.Key, g => g.Select(x => x.Second).Distinct().ToArray());
        Assert.All(splitOfPatient.Values, s => Assert.Single(s));
        var patientsPer = splitOfPatient.Values.GroupBy(s => s[0]).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal((240, 30, 30), (patientsPer[DatasetSplit.Train], patientsPer[DatasetSplit.Val], patientsPer[DatasetSplit.Test]));
        foreach (string label in new[] { "AF", "LBBB" })
        {
            var withLabel = splitOfPatient.Where(p => int.Parse(p.Key[1..]) % (label == "AF" ? 7 : 11) == 0).GroupBy(p => p.Value[0]).ToDictionary(g => g.Key, g => g.Count());
            int total = withLabel.Values.Sum();
            Assert.InRange(withLabel.GetValueOrDefault(DatasetSplit.Test), total / 10 - 1, total / 10 + 2);
            Assert.InRange(withLabel.GetValueOrDefault(DatasetSplit.Val), total / 10 - 1, total / 10 + 2);
        }
    }

    [SkippableFact]
    public void ChallengeSplitsPartitionTheDatasetAndAreWrittenToTheRunFolder()
    {
        string root = SharedData.Require("data/cinc2021-smoke");
        var parts = new[] { "train", "val", "test" }.Select(s => DatasetIndex.Load(DatasetSpec.Parse($"challenge:{root}@{s}")).Selected.Select(e => e.Id).ToList()).ToArray();
        Assert.Equal(70, parts.Sum(p => p.Count));
        Assert.Equal(70, parts.SelectMany(p => p).Distinct().Count());
        Assert.All(parts, p => Assert.NotEmpty(p));

        using var run = new TempDir();
        DatasetIndex.Load(DatasetSpec.Parse("challenge:" + root + "@train")).WriteSplits(run.Path);
        DatasetIndex.Load(DatasetSpec.Parse("sph:" + Path.Combine(root, "SPH"))).WriteSplits(run.Path);
        DatasetIndex.Load(DatasetSpec.Parse("challenge:" + root)).WriteSplits(run.Path);
        string[] lines = File.ReadAllLines(Path.Combine(run.Path, "data", "splits.csv"));
        Assert.Equal("dataset,record_id,patient_id,split,record_file", lines[0]);
        Assert.Equal(1 + 9 + 70, lines.Length);
        string[][] challenge = lines.Skip(1).Select(l => l.Split(',')).Where(f => f[0] == "challenge:" + root).ToArray();
        Assert.Equal(70, challenge.Length);
        Assert.Equal(parts[2].Order(), challenge.Where(f => f[3] == "test").Select(f => f[1]).Order());
    }
}
