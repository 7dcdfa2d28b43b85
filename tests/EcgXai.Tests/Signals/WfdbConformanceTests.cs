using EcgXai.Signals;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.Signals;

/// <summary>Digital samples equal the reference WFDB library's rdsamp output (wfdb-conformance README).</summary>
public class WfdbConformanceTests
{
    [SkippableFact]
    public void EveryBinaryFormatMatchesRdsamp()
    {
        string dir = SharedData.Require("data/wfdb-conformance");
        int[][] expected = RdsampOutput.Rows(Path.Combine(dir, "record-1f.gz"));
        WfdbDigitalRecord record = WfdbRecordReader.ReadDigital(Path.Combine(dir, "binformats"));
        int[] formats = record.Header.Signals.Select(s => (int)s.Format).ToArray();
        Assert.Equal(new[] { 8, 16, 61, 80, 160, 212, 310, 311, 24, 32 }, formats);
        AssertColumns(expected, record, [.. Enumerable.Range(0, 10)], from: 0);
    }

    [SkippableFact]
    public void Format16FourSignalsMatchesRdsamp()
    {
        string dir = SharedData.Require("data/wfdb-conformance");
        int[][] expected = RdsampOutput.Rows(Path.Combine(dir, "record-1a"));
        WfdbDigitalRecord record = WfdbRecordReader.ReadDigital(Path.Combine(dir, "test01_00s.hea"));
        Assert.Equal(4000, record.SampleCount);
        AssertColumns(expected, record, [0, 1, 2, 3], from: 0);
    }

    [SkippableFact]
    public void MitBih100Format212MatchesRdsamp()
    {
        string dir = SharedData.Require("data/wfdb-conformance");
        int[][] expected = RdsampOutput.Rows(Path.Combine(dir, "record-2b"));
        WfdbDigitalRecord record = WfdbRecordReader.ReadDigital(Path.Combine(dir, "100"));
        Assert.Equal(650_000, record.SampleCount);
        Assert.Equal(10_799, expected.Length);
        AssertColumns(expected, record, [1], from: 1);
    }

    private static void AssertColumns(int[][] expected, WfdbDigitalRecord record, int[] signals, int from)
    {
        Assert.NotEmpty(expected);
        for (int row = 0; row < expected.Length; row++)
        {
            Assert.Equal(signals.Length, expected[row].Length);
            for (int c = 0; c < signals.Length; c++)
            {
                int actual = record.Samples[signals[c]][from + row];
                if (actual != expected[row][c])
                {
                    Assert.Fail($"sample {from + row} of signal {signals[c]}: read {actual}, rdsamp printed {expected[row][c]}");
                }
            }
        }
    }
}
