using EcgXai.Explain.Crp;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.Explain;

public class ConceptStatisticsTests
{
    [Fact]
    public void MergedShardsEqualOnePassAndRankByMeanRelevance()
    {
        var rng = new Random(5);
        float[][] records = Enumerable.Range(0, 9).Select(_ => Enumerable.Range(0, 4).Select(_ => (float)(rng.NextDouble() - 0.3)).ToArray()).ToArray();
        var whole = new ConceptStatistics("blocks.4.out", "AF", 4);
        var first = new ConceptStatistics("blocks.4.out", "AF", 4);
        var second = new ConceptStatistics("blocks.4.out", "AF", 4);
        for (int i = 0; i < records.Length; i++)
        {
            whole.Add(records[i]);
            (i < 4 ? first : second).Add(records[i]);
        }
        first.Merge(second);

        Assert.Equal(9, first.Records);
        double[] expected = Enumerable.Range(0, 4).Select(c => records.Average(r => (double)r[c])).ToArray();
        for (int c = 0; c < 4; c++)
        {
            Assert.Equal(expected[c], first.Mean(c), 12);
            Assert.Equal(whole.Mean(c), first.Mean(c), 12);
            Assert.Equal(records.Average(r => Math.Abs((double)r[c])), first.MeanAbsolute(c), 12);
        }
        Assert.Equal(Enumerable.Range(0, 4).OrderByDescending(c => expected[c]).ToArray(), first.Ranking());
    }

    [Fact]
    public void MismatchedShardsAndRowsAreRefused()
    {
        var stats = new ConceptStatistics("blocks.4.out", "AF", 4);
        Assert.Throws<ArgumentException>(() => stats.Add(new float[3]));
        Assert.Throws<ArgumentException>(() => stats.Merge(new ConceptStatistics("blocks.3.out", "AF", 4)));
        Assert.True(double.IsNaN(stats.Mean(0)));
    }

    [Fact]
    public void CsvListsConceptsInRankOrder()
    {
        using var dir = new TempDir();
        var stats = new ConceptStatistics("blocks.4.out", "AF", 3);
        stats.Add([0.1f, 0.5f, -0.2f]);
        string path = dir.File("concepts.csv");
        stats.WriteCsv(path);
        string[] lines = File.ReadAllLines(path);
        Assert.Equal("rank,layer,channel,target,mean_relevance,mean_abs_relevance,records", lines[0]);
        Assert.Equal(["1", "2", "3"], lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.Equal(["1", "0", "2"], lines.Skip(1).Select(l => l.Split(',')[2]));
    }
}
