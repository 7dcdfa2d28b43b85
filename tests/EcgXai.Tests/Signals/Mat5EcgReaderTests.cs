using System.Buffers.Binary;
using System.IO.Compression;
using EcgXai.IO;
using EcgXai.Signals;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.Signals;

public class Mat5EcgReaderTests
{
    private const string Folder = "data/cpsc2018-original";

    [SkippableFact]
    public void EveryOriginalCpscFileLoadsAsTwelveLeadsInMillivolts()
    {
        string[] files = Directory.GetFiles(SharedData.Require(Folder), "*.mat");
        Assert.Equal(10, files.Length);
        foreach (string path in files)
        {
            EcgRecord record = Mat5EcgReader.Read(path);
            Assert.Equal(Path.GetFileNameWithoutExtension(path), record.Id);
            Assert.Equal(LeadNames.Standard12, record.Leads);
            Assert.Equal(500, record.SampleRate);
            Assert.InRange(record.DurationSeconds, 6, 60);
            Assert.NotEqual(Sex.Unknown, record.Sex);
            Assert.InRange(record.Age!.Value, 1, 110);
            Assert.InRange(record.Samples.Max(Math.Abs), 0.1f, 40f);
            Assert.Equal(path, record.SourcePath);
        }
    }

    [SkippableFact]
    public void StructFieldsAndColumnMajorDataAreRead()
    {
        string path = Path.Combine(SharedData.Require(Folder), "A1980.mat");
        Mat5Array ecg = Mat5Reader.Read(path)["ECG"];
        Assert.Equal(Mat5Class.Struct, ecg.Class);
        Mat5Array data = ecg.Elements[0]["data"];
        Assert.Equal(Mat5Class.Double, data.Class);
        Assert.Equal(12, data.Dimensions[0]);
        Assert.True(ecg.Elements[0]["age"].IsNumeric);
        Assert.Single(ecg.Elements[0]["age"].Numbers);
        Assert.Contains(ecg.Elements[0]["sex"].Text, new[] { "Male", "Female" });
        EcgRecord record = Mat5EcgReader.Read(path);
        Assert.Equal(data.Dimensions[1], record.SampleCount);
        Assert.Equal((float)data.Numbers[12 * 7 + 3], record.Lead(3)[7]);
    }

    [SkippableFact]
    public void EinthovenLeadIIIIsIIMinusI()
    {
        EcgRecord record = Mat5EcgReader.Read(Path.Combine(SharedData.Require(Folder), "A1983.mat"));
        ReadOnlySpan<float> i = record.Lead(0), ii = record.Lead(1), iii = record.Lead(2);
        double worst = 0;
        for (int t = 0; t < iii.Length; t++)
        {
            worst = Math.Max(worst, Math.Abs(iii[t] - (ii[t] - i[t])));
        }
        Assert.True(worst <= 0.01, $"|III - (II - I)| reaches {worst} mV");
    }

    [SkippableFact]
    public void TruncatedFileIsRefused()
    {
        using var dir = new TempDir();
        byte[] bytes = File.ReadAllBytes(Path.Combine(SharedData.Require(Folder), "A1980.mat"));
        string path = dir.File("A1980.mat");
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var e = Assert.Throws<InvalidRecordException>(() => Mat5EcgReader.Read(path));
        Assert.Equal("truncated", e.Reason);
        Assert.StartsWith(path + ": ", e.Message);
        Assert.Contains("element at byte 128 claims", e.Message);
    }

    [SkippableFact]
    public void CorruptCompressedElementIsRefused()
    {
        using var dir = new TempDir();
        byte[] bytes = File.ReadAllBytes(Path.Combine(SharedData.Require(Folder), "A1980.mat"));
        for (int k = 1000; k < 1064; k++)
        {
            bytes[k] ^= 0x5A;
        }
        string path = dir.File("A1980.mat");
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<InvalidRecordException>(() => Mat5EcgReader.Read(path));
        Assert.Equal("format", e.Reason);
        Assert.StartsWith(path + ": corrupt MAT element at byte 128: compressed element", e.Message);
    }

    [Fact]
    public void FileThatIsNotMatIsRefused()
    {
        using var dir = new TempDir();
        string path = dir.File("x.mat");
        File.WriteAllText(path, "not a MAT file");
        var e = Assert.Throws<InvalidRecordException>(() => Mat5EcgReader.Read(path));
        Assert.Equal("format", e.Reason);
        Assert.StartsWith(path + ": not a MATLAB 5 MAT file", e.Message);
    }

    /// <summary>The real file rewritten uncompressed with one sample set to NaN: the plain-element path reads it and refuses the NaN.</summary>
    [SkippableFact]
    public void NaNSampleInUncompressedCopyIsRefused()
    {
        using var dir = new TempDir();
        string source = Path.Combine(SharedData.Require(Folder), "A1980.mat");
        byte[] bytes = File.ReadAllBytes(source);
        Assert.Equal(15, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(128)));
        int size = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(132));
        byte[] inflated;
        using (var zlib = new ZLibStream(new MemoryStream(bytes, 136, size), CompressionMode.Decompress))
        using (var output = new MemoryStream())
        {
            zlib.CopyTo(output);
            inflated = output.ToArray();
        }
        string plain = dir.File("plain.mat");
        File.WriteAllBytes(plain, [.. bytes[..128], .. inflated]);
        EcgRecord original = Mat5EcgReader.Read(source);
        EcgRecord uncompressed = Mat5EcgReader.Read(plain);
        Assert.Equal(original.Samples, uncompressed.Samples);

        double third = Mat5Reader.Read(source)["ECG"].Elements[0]["data"].Numbers[2];
        int at = inflated.AsSpan().IndexOf(BitConverter.GetBytes(third));
        Assert.True(at > 0);
        BitConverter.GetBytes(double.NaN).CopyTo(inflated, at);
        string corrupt = dir.File("nan.mat");
        File.WriteAllBytes(corrupt, [.. bytes[..128], .. inflated]);
        var e = Assert.Throws<InvalidRecordException>(() => Mat5EcgReader.Read(corrupt));
        Assert.Equal("nan", e.Reason);
        Assert.Equal(corrupt + ": ECG.data(3,1) is NaN", e.Message);
    }
}
