using System.Globalization;
using EcgXai.Signals;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.Signals;

/// <summary><c>ecgxai dump</c> prints exactly what the reference WFDB library's rdsamp printed (wfdb-conformance README).</summary>
public class WfdbDumpTests
{
    [SkippableTheory]
    [InlineData("binformats", "record-1f.gz", new string[0])]
    [InlineData("test01_00s.hea", "record-1a", new string[0])]
    [InlineData("100", "record-2b", new[] { "--from", "1", "--to", "10800", "--channels", "1" })]
    public void DumpEqualsRdsampOutput(string record, string reference, string[] options)
    {
        string dir = SharedData.Require("data/wfdb-conformance");
        string[] expected = RdsampOutput.Lines(Path.Combine(dir, reference));
        (int code, string[] actual, string error) = Dump([Path.Combine(dir, record), .. options]);
        Assert.Equal("", error);
        Assert.Equal(0, code);
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            if (!RdsampOutput.Fields(expected[i]).SequenceEqual(RdsampOutput.Fields(actual[i])))
            {
                Assert.Fail($"line {i + 1}: dump printed '{actual[i]}', rdsamp printed '{expected[i]}'");
            }
        }
        Assert.Equal(expected, actual);
    }

    [SkippableFact]
    public void PhysicalDumpIsDigitalMinusBaselineOverGainInChosenOrder()
    {
        string record = SharedData.Require("data/wfdb-conformance/100.hea");
        (int code, string[] lines, _) = Dump([record, "--physical", "--from", "100", "--to", "103", "--channels", "1,0"]);
        Assert.Equal(0, code);
        WfdbDigitalRecord digital = WfdbRecordReader.ReadDigital(record);
        Assert.Equal(3, lines.Length);
        for (int i = 0; i < 3; i++)
        {
            double[] values = RdsampOutput.Fields(lines[i]).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal((digital.Samples[1][100 + i] - 1024) / 200.0, values[0], 12);
            Assert.Equal((digital.Samples[0][100 + i] - 1024) / 200.0, values[1], 12);
            Assert.Matches(@"^ *-?\d+\.\d{3}\t *-?\d+\.\d{3}$", lines[i]);
        }
    }

    [SkippableTheory]
    [InlineData("--channels", "2", "signal 2 does not exist")]
    [InlineData("--to", "650001", "end sample 650001")]
    public void OutOfRangeRequestsFailWithAClearMessage(string option, string value, string problem)
    {
        string record = SharedData.Require("data/wfdb-conformance/100.hea")[..^4];
        (int code, string[] lines, string error) = Dump([record, option, value]);
        Assert.Equal(1, code);
        Assert.Empty(lines);
        Assert.Contains(problem, error);
        Assert.Contains("100.hea", error);
    }

    [Fact]
    public void NegativeFirstSampleIsAUsageError()
    {
        (int code, string[] lines, string error) = Dump(["record", "--from", "-1"]);
        Assert.Equal(2, code);
        Assert.Empty(lines);
        Assert.Contains("--from must be at least 0, got -1", error);
    }

    [SkippableFact]
    public void DamagedRecordFailsNamingTheFile()
    {
        using var dir = new TempDir();
        string source = SharedData.Require("data/wfdb-conformance/test01_00s.hea");
        File.Copy(source, dir.File("r.hea"));
        File.WriteAllBytes(dir.File("test01_00s.dat"), new byte[100]);
        (int code, _, string error) = Dump([dir.File("r")]);
        Assert.Equal(1, code);
        Assert.Contains(dir.File("test01_00s.dat") + ": holds 100 bytes", error);
    }

    private static (int Code, string[] Lines, string Error) Dump(string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliRunner.Run(["dump", .. args], stdout, stderr);
        string[] lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return (code, lines, stderr.ToString());
    }
}
