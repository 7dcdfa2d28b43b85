namespace EcgXai.IO;

/// <summary>
/// Resolves file names written inside data files (a <c>.hea</c>'s signal files, a CSV's record names) against the folder
/// they belong to, and refuses any that would resolve outside it (<c>..</c>, absolute paths, drive or UNC prefixes).
/// </summary>
public static class ContainedPath
{
    /// <summary>The skip reason of a record whose files resolve outside its folder.</summary>
    public const string OutsideReason = "outside-path";

    /// <summary>
    /// The full path of <paramref name="relative"/> inside <paramref name="folder"/>, or null when it resolves outside
    /// the folder (or is absolute).
    /// </summary>
    public static string? TryResolve(string folder, string relative)
    {
        if (relative.Length == 0 || Path.IsPathRooted(relative) || relative.Contains('\0'))
        {
            return null;
        }
        string root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        string full = Path.GetFullPath(Path.Combine(root, relative));
        return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }

    /// <summary>
    /// <see cref="TryResolve"/>, or an <see cref="InvalidRecordException"/> with reason <see cref="OutsideReason"/> about
    /// <paramref name="source"/> (the file that names <paramref name="relative"/>).
    /// </summary>
    public static string Resolve(string folder, string relative, string source, string what) =>
        TryResolve(folder, relative)
        ?? throw new InvalidRecordException(source, OutsideReason,
            $"{what} '{Printable(relative)}' resolves outside the folder {Path.GetFullPath(folder)}; only files inside it are read");

    /// <summary><paramref name="text"/> with control characters shown as <c>?</c>, for messages.</summary>
    public static string Printable(string text) => new(text.Select(c => char.IsControl(c) ? '?' : c).ToArray());
}
