using EcgXai.IO;

namespace EcgXai.Cli.Commands;

/// <summary>Checks before any work that an output folder or file can be written, without creating anything.</summary>
public static class OutputCheck
{
    /// <summary>Throws <see cref="EcgXaiException"/> naming <paramref name="folder"/> when it is a file or its nearest existing ancestor is not writable.</summary>
    public static void EnsureWritableFolder(string folder)
    {
        string full = Path.GetFullPath(folder);
        if (File.Exists(full))
        {
            throw new EcgXaiException(folder, "is a file, not a folder");
        }
        EnsureWritable(folder, full);
    }

    /// <summary>Throws <see cref="EcgXaiException"/> naming <paramref name="file"/> when it is a folder or its folder cannot be written.</summary>
    public static void EnsureWritableFile(string file)
    {
        string full = Path.GetFullPath(file);
        if (Directory.Exists(full))
        {
            throw new EcgXaiException(file, "is a folder, not a file");
        }
        EnsureWritable(file, Path.GetDirectoryName(full)!);
    }

    private static void EnsureWritable(string named, string folder)
    {
        string? existing = folder;
        while (existing is not null && !Directory.Exists(existing))
        {
            if (File.Exists(existing))
            {
                throw new EcgXaiException(named, $"cannot be created: {existing} is a file");
            }
            existing = Path.GetDirectoryName(existing);
        }
        if (existing is null)
        {
            throw new EcgXaiException(named, "no existing parent folder");
        }
        string probe = Path.Combine(existing, $".ecgxai-write-check-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new EcgXaiException(named, $"cannot be written ({existing} is not writable)", e);
        }
    }
}
