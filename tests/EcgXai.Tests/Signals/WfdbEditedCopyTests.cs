using System.Buffers.Binary;
using EcgXai.IO;
using EcgXai.Signals;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.Signals;

/// <summary>
/// Edited copies of a real record (made in a temp folder): damaged ones give an <see cref="InvalidRecordException"/>
/// naming the file and the problem; valid variants of the grammar read as WFDB defines them.
/// </summary>
public class WfdbEditedCopyTests
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

    [SkippableFact]
    public void UnitsOtherThanAVoltageAreRefused()
    {
        using var dir = new TempDir();
        string record = CopyRecord(dir, h => h.Replace("16 100/mV 16 0 -8", "16 100/mmHg 16 0 -8"));
        var e = Assert.Throws<InvalidRecordException>(() => WfdbRecordReader.Read(record));
        Assert.Equal("units", e.Reason);
        Assert.StartsWith(record + ".hea: signal 1 (ECG 2): units 'mmHg'", e.Message);
    }

    [SkippableFact]
    public void MicrovoltsAreConvertedToMillivolts()
    {
        using var dir = new TempDir();
        EcgRecord mv = WfdbRecordReader.Read(CopyRecord(dir));
        using var other = new TempDir();
        EcgRecord uv = WfdbRecordReader.Read(CopyRecord(other, h => h.Replace("16 100/mV 16 0 -8", "16 100/uV 16 0 -8")));
        Assert.Equal(mv.Lead(0).ToArray(), uv.Lead(0).ToArray());
        for (int t = 0; t < mv.SampleCount; t++)
        {
            Assert.Equal(mv.Lead(1)[t] / 1000, uv.Lead(1)[t], 1e-9f);
        }
    }

    [SkippableFact]
    public void ZeroGainIsWfdbDefault200AndMissingSampleCountComesFromTheFile()
    {
        using var dir = new TempDir();
        string record = CopyRecord(dir, h => h.Replace("test01_00s 4 500 4000", "test01_00s 4 500").Replace("16 100/mV 16 0 10", "16 0/mV 16 0 10"));
        WfdbDigitalRecord digital = WfdbRecordReader.ReadDigital(record);
        EcgRecord physical = WfdbRecordReader.Read(record);
        Assert.Equal(4000, physical.SampleCount);
        Assert.False(digital.Header.Signals[0].IsCalibrated);
        Assert.Equal(digital.Samples[0][5] / 200f, physical.Lead(0)[5]);
        Assert.Equal(digital.Samples[1][5] / 100f, physical.Lead(1)[5]);
    }

    [SkippableFact]
    public void SignalsSplitOverTwoFilesWithAByteOffsetReadLikeTheOriginal()
    {
        using var dir = new TempDir();
        string record = CopyRecord(dir);
        WfdbDigitalRecord original = WfdbRecordReader.ReadDigital(record);
        // Signals 0 and 1 stay interleaved in the .dat (the first 4 bytes of each 8-byte frame); signal 2 moves to
        // a big-endian (format 61) file behind a 16-byte preamble; signal 3 is dropped.
        File.WriteAllBytes(record + ".dat", [.. File.ReadAllBytes(record + ".dat").Chunk(8).SelectMany(frame => frame[..4])]);
        byte[] third = new byte[16 + 4000 * 2];
        for (int t = 0; t < 4000; t++)
        {
            BinaryPrimitives.WriteInt16BigEndian(third.AsSpan(16 + 2 * t), (short)original.Samples[2][t]);
        }
        File.WriteAllBytes(dir.File("third.dat"), third);
        string header = File.ReadAllText(record + ".hea")
            .Replace("test01_00s 4 500 4000", "test01_00s 3 500 4000")
            .Replace("test01_00s.dat 16 100/mV 16 0 -57", "third.dat 61+16 100/mV 16 0 -57")
            .Replace("test01_00s.dat 16 100/mV 16 0 -66 -401 0 ECG 4", "");
        File.WriteAllText(record + ".hea", header);

        WfdbDigitalRecord split = WfdbRecordReader.ReadDigital(record);
        Assert.Equal(3, split.Samples.Count);
        for (int s = 0; s < 3; s++)
        {
            Assert.Equal(original.Samples[s], split.Samples[s]);
        }
        Assert.Equal(WfdbFormat.Int16BigEndian, split.Header.Signals[2].Format);
    }

    [SkippableFact]
    public void SignalsOfOneFileThatAreNotConsecutiveAreRefused()
    {
        using var dir = new TempDir();
        string record = CopyRecord(dir, h => h.Replace("test01_00s.dat 16 100/mV 16 0 -8", "other.dat 16 100/mV 16 0 -8"));
        AssertInvalid(record, "header", record + ".hea", "file 'test01_00s.dat' are not consecutive");
    }
}
