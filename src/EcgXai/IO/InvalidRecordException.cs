namespace EcgXai.IO;

/// <summary>A record file is unreadable, damaged or inconsistent. <see cref="Reason"/> is a short category used for skip counts.</summary>
public sealed class InvalidRecordException(string path, string reason, string problem, Exception? inner = null)
    : EcgXaiException(path, problem, inner)
{
    /// <summary>Short category of the problem (e.g. "truncated", "checksum", "format"), used to count skipped records.</summary>
    public string Reason { get; } = reason;
}
