using EcgXai.Datasets;
using EcgXai.IO;
using EcgXai.Signals;

namespace EcgXai.Tests.Datasets;

public sealed class PreprocessorTests
{
    private static EcgRecord Record(string[] leads, double rate, int samples, Func<int, int, float> value)
    {
        var data = new float[leads.Length * samples];
        for (int l = 0; l < leads.Length; l++)
        {
            for (int t = 0; t < samples; t++)
            {
                data[l * samples + t] = value(l, t);
            }
        }
        return new EcgRecord("r", data, leads.Length, rate, leads, null, Sex.Unknown, [], [], "/tmp/r.hea");
    }

    [Fact]
    public void SelectsAndReordersLeadsByName()
    {
        EcgRecord record = Record(["I", "II", "V1"], 100, 10, (l, t) => 10 * l + t);
        float[] output = new Preprocessor(new PreprocessOptions(["v1", "I"], 100, 10)).Process(record);
        Assert.Equal(Enumerable.Range(20, 10).Select(v => (float)v).Concat(Enumerable.Range(0, 10).Select(v => (float)v)), output);
    }

    [Fact]
    public void CentrePadsShortAndCentreCropsLongRecords()
    {
        EcgRecord record = Record(["I"], 100, 6, (_, t) => t + 1);
        Assert.Equal([0, 0, 1, 2, 3, 4, 5, 6, 0, 0, 0], new Preprocessor(new PreprocessOptions(["I"], 100, 11)).Process(record));
        Assert.Equal([2, 3, 4, 5], new Preprocessor(new PreprocessOptions(["I"], 100, 4)).Process(record));
    }

    [Theory]
    [InlineData(0.0, "sample-rate")]
    [InlineData(double.NaN, "sample-rate")]
    public void RefusesRecordsWithoutAUsableRate(double rate, string reason)
    {
        EcgRecord record = Record(["I"], rate, 100, (_, t) => t);
        var e = Assert.Throws<InvalidRecordException>(() => new Preprocessor(new PreprocessOptions(["I"], 100, 10)).Process(record));
        Assert.Equal(reason, e.Reason);
        Assert.StartsWith("/tmp/r.hea: ", e.Message);
    }

    [Fact]
    public void RefusesMissingLeadsShortRecordsAndNaN()
    {
        var options = new PreprocessOptions(["I", "V6"], 100, 10) { MinimumSeconds = 2 };
        var p = new Preprocessor(options);
        Assert.Equal("missing-lead", Assert.Throws<InvalidRecordException>(() => p.Process(Record(["I", "II"], 100, 300, (_, _) => 0))).Reason);
        Assert.Equal("too-short", Assert.Throws<InvalidRecordException>(() => p.Process(Record(["I", "V6"], 100, 150, (_, _) => 0))).Reason);
        Assert.Equal("non-finite", Assert.Throws<InvalidRecordException>(() => p.Process(Record(["I", "V6"], 100, 300, (l, t) => t == 7 ? float.NaN : 0))).Reason);
    }

    [Fact]
    public void ZeroFillsMissingLeadsOnlyWhenAskedAndOnlyWhenARequestedLeadIsPresent()
    {
        EcgRecord record = Record(["II", "I"], 100, 10, (l, t) => 10 * l + t + 1);
        var options = new PreprocessOptions(["I", "V1", "II"], 100, 10) { MissingLeads = MissingLeadHandling.Zero };
        float[] output = new Preprocessor(options).Process(record);
        Assert.Equal(Enumerable.Range(11, 10).Select(v => (float)v), output[..10]);
        Assert.All(output[10..20], v => Assert.Equal(0f, v));
        Assert.Equal(Enumerable.Range(1, 10).Select(v => (float)v), output[20..]);
        Assert.Equal("missing-lead", Assert.Throws<InvalidRecordException>(() => new Preprocessor(options with { MissingLeads = MissingLeadHandling.Refuse }).Process(record)).Reason);
        var none = Assert.Throws<InvalidRecordException>(() => new Preprocessor(options with { Leads = ["V1", "V2"] }).Process(record));
        Assert.Equal("missing-lead", none.Reason);
        Assert.Contains("none of the requested leads", none.Message);
    }

    [Fact]
    public void HighPassRemovesBaselineOffsetAndDriftButKeepsQrsBand()
    {
        const double rate = 400;
        EcgRecord record = Record(["I"], rate, 4000, (_, t) => (float)(2 + Math.Sin(2 * Math.PI * 0.1 * t / rate) + 0.5 * Math.Sin(2 * Math.PI * 10 * t / rate)));
        float[] output = new Preprocessor(new PreprocessOptions(["I"], rate, 4000, HighPassHz: 0.5)).Process(record);
        double[] middle = output.Skip(1000).Take(2000).Select(v => (double)v).ToArray();
        Assert.InRange(middle.Average(), -0.02, 0.02);
        double rms = Math.Sqrt(middle.Average(v => v * v));
        Assert.InRange(rms, 0.5 / Math.Sqrt(2) * 0.97, 0.5 / Math.Sqrt(2) * 1.03);
    }
}
