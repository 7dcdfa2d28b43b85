using System.Security.Cryptography;

namespace EcgXai.Tests.Support;

/// <summary>Every file under a folder with its SHA-256: taken before and after a command to assert that it changed nothing.</summary>
public sealed record FolderSnapshot(IReadOnlyDictionary<string, string> Files)
{
    /// <summary>The files under <paramref name="folder"/> (relative paths) and their hashes; empty when the folder does not exist.</summary>
    public static FolderSnapshot Of(string folder) => new(Directory.Exists(folder)
        ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))), StringComparer.Ordinal)
        : new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>Asserts that <paramref name="folder"/> holds exactly the files of this snapshot, unchanged.</summary>
    public void AssertUnchanged(string folder)
    {
        FolderSnapshot now = Of(folder);
        Assert.Equal(Files.Keys.Order(StringComparer.Ordinal), now.Files.Keys.Order(StringComparer.Ordinal));
        foreach ((string file, string hash) in Files)
        {
            Assert.True(hash == now.Files[file], $"{file} changed");
        }
    }
}
