using EcgXai.Datasets;
using EcgXai.Signals;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.Datasets;

public sealed class Cinc2017LoaderTests
{
    [SkippableFact]
    public void IndexesTheReferenceAndExcludesNoisyRecords()
    {
        string root = SharedData.Require("data/cinc2017");
        string[] rows = File.ReadAllLines(Path.Combine(root, "REFERENCE.csv")).Skip(1).ToArray();
        DatasetIndex index = DatasetIndex.Load(DatasetSpec.Parse("cinc2017:" + root));

        Assert.Equal(rows.Count(r => !r.EndsWith(",~", StringComparison.Ordinal)), index.All.Count);
        Assert.Equal(rows.Count(r => r.EndsWith(",~", StringComparison.Ordinal)), index.SkippedByReason["noisy-excluded"]);
        Assert.Equal(rows.Count(r => r.EndsWith(",A", StringComparison.Ordinal)), index.All.Count(e => e.Labels.SequenceEqual(["AF"])));
        Assert.Equal(rows.Count(r => r.EndsWith(",N", StringComparison.Ordinal)), index.All.Count(e => e.Labels.SequenceEqual(["NORM"])));
        Assert.Equal(rows.Count(r => r.EndsWith(",O", StringComparison.Ordinal)), index.UnmappedCodeCounts["O"]);
    }

    [SkippableFact]
    public void ReadsAHeaderlessReferenceAndNamesTheSignalLeadI()
    {
        string shared = SharedData.Require("data/cinc2017");
        using var temp = new TempDir();
        string root = temp.File("c17");
        Directory.CreateDirectory(root);
        string[] ids = ["A00001", "A00002", "A00004"];
        foreach (string id in ids)
        {
            File.Copy(Path.Combine(shared, id + ".hea"), Path.Combine(root, id + ".hea"));
            File.Copy(Path.Combine(shared, id + ".mat"), Path.Combine(root, id + ".mat"));
        }
        File.WriteAllLines(Path.Combine(root, "REFERENCE.csv"), File.ReadAllLines(Path.Combine(shared, "REFERENCE.csv")).Where(l => ids.Any(l.StartsWith)));

        using PreparedDataset data = DatasetPreparer.Prepare("cinc2017:" + root, new PreprocessOptions(["I"], 300, 9000), ["AF", "NORM"], temp.File("cache"));

        Assert.Equal(ids, data.RecordIds);
        EcgRecord raw = WfdbRecordReader.Read(Path.Combine(root, "A00001"));
        Assert.Equal(raw.Samples.AsSpan(0, 9000).ToArray(), data.Signal(0).ToArray());
    }
}
