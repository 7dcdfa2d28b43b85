using System.Buffers.Binary;
using EcgXai.IO;
using EcgXai.Signals;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.Signals;

/// <summary>
/// Damaged copies of test01_00s (format 16, 4 signals, 4000 samples) in a temp folder: each class of hostile header or
/// signal file is refused (or read as the WFDB library reads it) with a message naming the file and the problem, and
/// nothing beside the input changes.
/// </summary>
public class HostileWfdbTests
{
    private const string RecordLine = "test01_00s 4 500 4000";

    private static string CopyRecord(TempDir dir, Func<string, string>? editHeader = null)
    {
        string source = SharedData.Require("data/wfdb-conformance/test01_00s.hea");
        string header = File.ReadAllText(source);
        File.WriteAllText(dir.File("test01_00s.hea"), editHeader is null ? header : editHeader(header));
        File.WriteAllBytes(dir.File("test01_00s.dat"), File.ReadAllBytes(Path.ChangeExtension(source, ".dat")));
        return dir.File("test01_00s");
    }

    private static InvalidRecordException Refused(string record, string reason, string file, params string[] words)
    {
        var e = Assert.Throws<InvalidRecordException>(() => WfdbRecordReader.Read(record));
        Assert.Equal(reason, e.Reason);
        Assert.StartsWith(file + ": ", e.Message);
        foreach (string word in words)
        {
            Assert.Contains(word, e.Message);
        }
        Assert.Equal(e.Message, Assert.Throws<InvalidRecordException>(() => WfdbRecordReader.ReadDigital(record)).Message);
        return e;
    }

    private static (int Code, string Stdout, string Stderr) Cli(params string[] args) => CliRunner.Run(args);

    [SkippableTheory]
    [InlineData(int.MaxValue)]
    [InlineData(500_000_000)]
    [InlineData(100_000)]
    public void HeaderDeclaringMoreSamplesThanItsFileHoldsIsTruncated(int declared)
    {
        using var dir = new TempDir();
        string record = CopyRecord(dir, h => h.Replace(RecordLine, $"test01_00s 4 500 {declared}"));
        FolderSnapshot before = FolderSnapshot.Of(dir.Path);
        Refused(record, "truncated", record + ".dat", "32000 bytes", "4000 samples per signal", $"declares 4 signal(s) x {declared} samples");
        before.AssertUnchanged(dir.Path);
    }

    [SkippableTheory]
    [InlineData("1000000000000")]
    [InlineData("99999999999999999999999")]
    public void SampleCountBeyondAnyRecordSaysWhatIsWrong(string declared)
    {
        using var dir = new TempDir();
        string record = CopyRecord(dir, h => h.Replace(RecordLine, $"test01_00s 4 500 {declared}"));
        InvalidRecordException e = Refused(record, "header", record + ".hea", "line 1", "number of samples", "more than a record can hold");
        Assert.DoesNotContain("not an integer", e.Message);
    }

    [SkippableFact]
    public void SignalFileLongerThanDeclaredIsReadToTheDeclaredCountWithAWarning()
    {
        using var dir = new TempDir();
        string record = CopyRecord(dir, h => h.Replace(RecordLine, "test01_00s 4 500 3000").Replace(" 114 0 ECG 1", " 0 0 ECG 1")
            .Replace(" 941 0 ECG 2", " 0 0 ECG 2").Replace(" -119 0 ECG 3", " 0 0 ECG 3").Replace(" -401 0 ECG 4", " 0 0 ECG 4"));
        using var fullDir = new TempDir();
        string full = CopyRecord(fullDir);
        WfdbDigitalRecord original = WfdbRecordReader.ReadDigital(full);

        WfdbDigitalRecord digital = WfdbRecordReader.ReadDigital(record);
        EcgRecord physical = WfdbRecordReader.Read(record);

        Assert.Equal(3000, digital.SampleCount);
        Assert.Equal(3000, physical.SampleCount);
        Assert.Equal(original.Samples[2][..3000], digital.Samples[2]);
        string warning = Assert.Single(physical.Warnings);
        Assert.StartsWith(record + ".dat: holds 4000 samples per signal", warning);
        Assert.Contains("declares 3000", warning);
        Assert.Equal(warning, Assert.Single(digital.Warnings));
    }

    [Fact]
    public void GarbageBytesAsAHeaderAreNotAWfdbHeaderAndNoControlCharacterIsEchoed()
    {
        using var dir = new TempDir();
        var random = new Random(3);
        byte[] garbage = new byte[600];
        random.NextBytes(garbage);
        File.WriteAllBytes(dir.File("junk.hea"), garbage);
        File.WriteAllText(dir.File("text.hea"), "\u00e9\u00e8/\u00ff 4 500 4000\n");

        foreach (string name in new[] { "junk", "text" })
        {
            var e = Assert.Throws<InvalidRecordException>(() => WfdbRecordReader.Read(dir.File(name)));
            Assert.Equal("header", e.Reason);
            Assert.StartsWith(dir.File(name + ".hea") + ": ", e.Message);
            Assert.Contains("not a WFDB header", e.Message);
            Assert.DoesNotContain("multi-segment", e.Message);
            Assert.DoesNotContain(e.Message, char.IsControl);
        }
    }

    [SkippableTheory]
    [InlineData("../../../../../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("sub/../../outside.dat")]
    public void SignalFileOutsideTheRecordsFolderIsRefusedAndNotRead(string name)
    {
        using var dir = new TempDir();
        string record = CopyRecord(dir, h => h.Replace("test01_00s.dat 16", name + " 16"));
        FolderSnapshot before = FolderSnapshot.Of(dir.Path);

        Refused(record, ContainedPath.OutsideReason, record + ".hea", $"signal file '{name}'", "resolves outside the folder");
        (int code, string stdout, string stderr) = Cli("dump", record);

        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Contains(record + ".hea", stderr);
        Assert.Contains("resolves outside the folder", stderr);
        Assert.DoesNotContain("root:", stderr);
        before.AssertUnchanged(dir.Path);
    }

    [SkippableFact]
    public void ASignalFileInASubfolderOfTheRecordIsRead()
    {
        using var dir = new TempDir();
        string record = CopyRecord(dir, h => h.Replace("test01_00s.dat 16", "signals/test01_00s.dat 16"));
        Directory.CreateDirectory(dir.File("signals"));
        File.Move(record + ".dat", dir.File("signals/test01_00s.dat"));
        Assert.Equal(4000, WfdbRecordReader.Read(record).SampleCount);
    }

    /// <summary>Writes the invalid-sample value −32768 at <paramref name="samples"/> of signal 0 and corrects the header's checksum.</summary>
    private static string RecordWithInvalidSamples(TempDir dir, params int[] samples)
    {
        string record = CopyRecord(dir);
        byte[] dat = File.ReadAllBytes(record + ".dat");
        int delta = 0;
        foreach (int t in samples)
        {
            Span<byte> at = dat.AsSpan(8 * t, 2);
            delta += short.MinValue - BinaryPrimitives.ReadInt16LittleEndian(at);
            BinaryPrimitives.WriteInt16LittleEndian(at, short.MinValue);
        }
        File.WriteAllBytes(record + ".dat", dat);
        File.WriteAllText(record + ".hea", File.ReadAllText(record + ".hea").Replace(" 10 114 0 ECG 1", $" 10 {(short)(114 + delta)} 0 ECG 1"));
        return record;
    }

    [SkippableFact]
    public void TheInvalidSampleValueIsMissingNotMinus327Millivolts()
    {
        using var dir = new TempDir();
        string record = RecordWithInvalidSamples(dir, 5, 6);

        EcgRecord physical = WfdbRecordReader.Read(record);
        WfdbDigitalRecord digital = WfdbRecordReader.ReadDigital(record);

        Assert.Equal(2, physical.InvalidSampleCount);
        Assert.True(float.IsNaN(physical.Lead(0)[5]) && float.IsNaN(physical.Lead(0)[6]));
        Assert.False(float.IsNaN(physical.Lead(0)[4]) || float.IsNaN(physical.Lead(1)[5]));
        Assert.Equal(short.MinValue, digital.Samples[0][5]);
        (int code, string stdout, _) = Cli("dump", record, "--physical", "--from", "4", "--to", "7", "--channels", "0,1");
        string[] lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, code);
        Assert.Equal("      -", lines[1].Split('\t')[0]);
        Assert.Equal("      -", lines[2].Split('\t')[0]);
        Assert.DoesNotContain("-327", stdout);
        Assert.Matches(@"^ *-?\d+\.\d{2}$", lines[0].Split('\t')[0]);
    }

    [SkippableTheory]
    [InlineData(WfdbFormat.Int16, -32768)]
    [InlineData(WfdbFormat.Offset16, -32768)]
    [InlineData(WfdbFormat.Int16BigEndian, -32768)]
    [InlineData(WfdbFormat.Offset8, -128)]
    [InlineData(WfdbFormat.Packed212, -2048)]
    [InlineData(WfdbFormat.Packed310, -512)]
    [InlineData(WfdbFormat.Packed311, -512)]
    [InlineData(WfdbFormat.Int24, -8388608)]
    [InlineData(WfdbFormat.Int32, int.MinValue)]
    public void EachFormatsInvalidValueIsTheMostNegativeOfItsWidth(WfdbFormat format, int invalid)
    {
        var spec = new WfdbSignalSpec("x.dat", format, 1, 0, 0, 200, true, 0, "mV", 0, 0, null, null, 0, "I");
        Assert.Equal(invalid, spec.InvalidValue);
        Assert.True(double.IsNaN(spec.ToPhysical(invalid)));
        Assert.Equal((invalid + 1) / 200.0, spec.ToPhysical(invalid + 1));
    }

    [Fact]
    public void FormatEightHasNoInvalidValue() =>
        Assert.Null(new WfdbSignalSpec("x.dat", WfdbFormat.Difference8, 1, 0, 0, 200, true, 0, "mV", 0, 0, null, null, 0, "I").InvalidValue);

    [SkippableFact]
    public void HugeSampleCountsFailCleanlyUnderACappedHeap()
    {
        using var dir = new TempDir();
        string truncated = CopyRecord(dir, h => h.Replace(RecordLine, "test01_00s 4 500 500000000"));
        using var other = new TempDir();
        string huge = CopyRecord(other, h => h.Replace(RecordLine, $"test01_00s 4 500 {int.MaxValue}"));

        foreach ((string record, string problem) in new[] { (truncated, "declares 4 signal(s) x 500000000 samples"), (huge, $"declares 4 signal(s) x {int.MaxValue} samples") })
        {
            (int code, string stdout, string stderr) = CappedProcess.RunCli(64L << 20, "dump", record);
            Assert.True(code == 1, $"exit {code}: {stderr}");
            Assert.Equal("", stdout);
            Assert.Contains(problem, stderr);
            Assert.DoesNotContain("Out of memory", stderr);
            Assert.DoesNotContain("   at ", stderr);
        }
    }
}
