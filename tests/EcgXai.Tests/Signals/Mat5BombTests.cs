using System.Buffers.Binary;
using System.IO.Compression;
using EcgXai.IO;
using EcgXai.Signals;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.Signals;

/// <summary>
/// MATLAB 5 compressed elements are inflated as a stream, bounded by the size the inner tag declares and by a byte
/// limit: a small file that inflates to far more is refused before it is inflated, under a capped heap too.
/// </summary>
public class Mat5BombTests
{
    private const string Folder = "data/cpsc2018-original";

    /// <summary>A MAT 5 file (the real header of A1980) whose one compressed element inflates to a matrix tag declaring <paramref name="declared"/> bytes followed by <paramref name="zeros"/> zero bytes.</summary>
    private static string Bomb(string path, uint declared, long zeros)
    {
        byte[] header = File.ReadAllBytes(Path.Combine(SharedData.Require(Folder), "A1980.mat"))[..128];
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            byte[] tag = new byte[8];
            BinaryPrimitives.WriteInt32LittleEndian(tag, 14);
            BinaryPrimitives.WriteUInt32LittleEndian(tag.AsSpan(4), declared);
            zlib.Write(tag);
            byte[] chunk = new byte[1 << 20];
            for (long left = zeros; left > 0; left -= chunk.Length)
            {
                zlib.Write(chunk, 0, (int)Math.Min(left, chunk.Length));
            }
        }
        byte[] element = new byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(element, 15);
        BinaryPrimitives.WriteInt32LittleEndian(element.AsSpan(4), (int)compressed.Length);
        File.WriteAllBytes(path, [.. header, .. element, .. compressed.ToArray()]);
        return path;
    }

    [SkippableFact]
    public void AnElementInflatingBeyondTheLimitIsRefusedBeforeInflating()
    {
        using var dir = new TempDir();
        string bomb = Bomb(dir.File("A0001.mat"), 1u << 30, 1L << 30);
        Assert.True(new FileInfo(bomb).Length < 5 << 20);
        FolderSnapshot before = FolderSnapshot.Of(dir.Path);

        var e = Assert.Throws<InvalidRecordException>(() => Mat5EcgReader.Read(bomb));

        Assert.Equal("too-large", e.Reason);
        Assert.StartsWith(bomb + ": compressed element at byte 128 declares a matrix of 1073741824 bytes", e.Message);
        Assert.Contains($"limit of {Mat5Reader.DefaultMaxBytes} bytes", e.Message);
        before.AssertUnchanged(dir.Path);
    }

    [SkippableFact]
    public void TheLimitIsAnOption()
    {
        string real = Path.Combine(SharedData.Require(Folder), "A1980.mat");
        Assert.Equal(12, Mat5EcgReader.Read(real).LeadCount);
        var e = Assert.Throws<InvalidRecordException>(() => Mat5EcgReader.Read(real, maxBytes: 10_000));
        Assert.Equal("too-large", e.Reason);
        Assert.Contains("the limit of 10000", e.Message);
    }

    [SkippableFact]
    public void AnElementInflatingToLessThanItsTagDeclaresIsTruncated()
    {
        using var dir = new TempDir();
        string short_ = Bomb(dir.File("short.mat"), 4096, 100);
        var e = Assert.Throws<InvalidRecordException>(() => Mat5Reader.Read(short_));
        Assert.Equal("truncated", e.Reason);
        Assert.Contains("inflates to 100 bytes of a matrix that declares 4096", e.Message);
    }

    [SkippableFact]
    public void ADatasetWithABombIsIndexedUnderACappedHeapWithTheRecordSkippedByName()
    {
        using var dir = new TempDir();
        string root = dir.File("cpsc");
        Directory.CreateDirectory(root);
        Bomb(Path.Combine(root, "A0001.mat"), 1u << 30, 1L << 30);
        File.Copy(Path.Combine(SharedData.Require(Folder), "A1980.mat"), Path.Combine(root, "A1980.mat"));
        File.WriteAllText(Path.Combine(root, "REFERENCE.csv"), "Recording,First_label,Second_label,Third_label\nA0001,1,,\nA1980,2,,\n");
        FolderSnapshot before = FolderSnapshot.Of(root);

        (int code, string stdout, string stderr) = CappedProcess.RunCli(96L << 20, "cohort", "--data", "cpsc2018:" + root);

        Assert.True(code == 0, $"exit {code}: {stderr}");
        Assert.Contains("records 1,", stdout);
        Assert.Contains("too-large 1", stdout);
        Assert.Contains("A0001", stdout);
        Assert.DoesNotContain("   at ", stderr);
        before.AssertUnchanged(root);
    }
}
