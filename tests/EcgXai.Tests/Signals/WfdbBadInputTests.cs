using EcgXai.IO;
using EcgXai.Signals;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.Signals;

/// <summary>Damaged copies of a real record (made in a temp folder) give an <see cref="InvalidRecordException"/> naming the file and the problem.</summary>
public class WfdbBadInputTests
{
    /// <summary>Copies test01_00s (format 16, 4 signals, 4000 samples) into <paramref name="dir"/> with an edited header.</summary>
    private static string CopyRecord(TempDir dir, Func<string, string>? editHeader = null)
    {
        string source = SharedData.Require("data/wfdb-conformance/test01_00s.hea");
        string header = File.ReadAllText(source);
        string edited = editHeader is null ? header : editHeader(header);
        Assert.True(editHeader is null || edited != header, "the edit changed nothing");
        File.WriteAllText(dir.File("test01_00s.hea"), edited);
        File.Copy(Path.ChangeExtension(source, ".dat"), dir.File("test01_00s.dat"));
        return dir.File("test01_00s");
    }

    private static InvalidRecordException AssertInvalid(string record, string reason, string file, params string[] words)
    {
        var e = Assert.Throws<InvalidRecordException>(() => WfdbRecordReader.Read(record));
        Assert.Equal(reason, e.Reason);
        Assert.StartsWith(file + ": ", e.Message);
        foreach (string word in words)
        {
            Assert.Contains(word, e.Message);
        }
        Assert.Equal(reason, Assert.Throws<InvalidRecordException>(() => WfdbRecordReader.ReadDigital(record)).Reason);
        return e;
    }

    [SkippableFact]
    public void TheUndamagedCopyLoads()
    {
        using var dir = new TempDir();
        Assert.Equal(4000, WfdbRecordReader.Read(CopyRecord(dir)).SampleCount);
    }

    [SkippableFact]
    public void TruncatedDatIsRefused()
    {
        using var dir = new TempDir();
        string record = CopyRecord(dir);
        using (var dat = new FileStream(record + ".dat", FileMode.Open))
        {
            dat.SetLength(31_000);
        }
        AssertInvalid(record, "truncated", record + ".dat", "31000 bytes", "need 32000");
    }

    [SkippableFact]
    public void HeaderDeclaringFewerSamplesThanTheFileHoldsIsRefused()
    {
        using var dir = new TempDir();
        string record = CopyRecord(dir, h => h.Replace("test01_00s 4 500 4000", "test01_00s 4 500 3000"));
        AssertInvalid(record, "length", record + ".dat", "4000 samples", "declares 3000");
    }

    [SkippableFact]
    public void WrongChecksumIsRefused()
    {
        using var dir = new TempDir();
        string record = CopyRecord(dir, h => h.Replace("-8 941 0 ECG 2", "-8 942 0 ECG 2"));
        AssertInvalid(record, "checksum", record + ".dat", "signal 1", "checksum", "941", "942");
    }

    [SkippableFact]
    public void WrongInitialValueIsRefused()
    {
        using var dir = new TempDir();
        string record = CopyRecord(dir, h => h.Replace("0 -57 -119 0 ECG 3", "0 -56 -119 0 ECG 3"));
        AssertInvalid(record, "checksum", record + ".dat", "signal 2", "initial value -56", "-57");
    }

    [SkippableFact]
    public void UnknownFormatCodeIsRefused()
    {
        using var dir = new TempDir();
        string record = CopyRecord(dir, h => h.Replace("test01_00s.dat 16 100/mV 16 0 -8", "test01_00s.dat 17 100/mV 16 0 -8"));
        AssertInvalid(record, "format", record + ".hea", "line 3", "format 17");
    }

    [SkippableFact]
    public void NonNumericGainIsRefused()
    {
        using var dir = new TempDir();
        string record = CopyRecord(dir, h => h.Replace("16 100/mV 16 0 -57", "16 1OO/mV 16 0 -57"));
        AssertInvalid(record, "header", record + ".hea", "line 4", "gain '1OO'");
    }

    [SkippableFact]
    public void NonFiniteMillivoltsAreRefused()
    {
        using var dir = new TempDir();
        string record = CopyRecord(dir, h => h.Replace("16 100/mV 16 0 -66", "16 1e-40/mV 16 0 -66"));
        var e = Assert.Throws<InvalidRecordException>(() => WfdbRecordReader.Read(record));
        Assert.Equal("nan", e.Reason);
        Assert.StartsWith(record + ".hea: ", e.Message);
        Assert.Contains("signal 3", e.Message);
        Assert.Contains("Infinity", e.Message);
    }

    [SkippableFact]
    public void MissingSignalFileIsRefused()
    {
        using var dir = new TempDir();
        string record = CopyRecord(dir);
        File.Delete(record + ".dat");
        AssertInvalid(record, "missing", record + ".dat", "not found");
    }

    [SkippableFact]
    public void SeveralSamplesPerFrameAreRefusedClearly()
    {
        using var dir = new TempDir();
        string record = CopyRecord(dir, h => h.Replace("test01_00s.dat 16 100/mV 16 0 10", "test01_00s.dat 16x2 100/mV 16 0 10"));
        AssertInvalid(record, "unsupported", record + ".hea", "2 samples per frame");
    }

    [SkippableFact]
    public void SignalCountDisagreeingWithSignalLinesIsRefused()
    {
        using var dir = new TempDir();
        string record = CopyRecord(dir, h => h.Replace("test01_00s 4 500 4000", "test01_00s 5 500 4000"));
        AssertInvalid(record, "header", record + ".hea", "5 signals", "4 signal lines");
    }

    [Fact]
    public void MissingHeaderIsRefused()
    {
        using var dir = new TempDir();
        var e = Assert.Throws<InvalidRecordException>(() => WfdbRecordReader.Read(dir.File("absent")));
        Assert.Equal("missing", e.Reason);
        Assert.StartsWith(dir.File("absent.hea") + ": ", e.Message);
    }
}
