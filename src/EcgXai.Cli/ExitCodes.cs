namespace EcgXai.Cli;

/// <summary>The exit codes of <c>ecgxai</c>.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>A user-facing failure (missing or bad file, data that does not fit, out of memory, cancelled): one line on stderr.</summary>
    public const int Failure = 1;

    /// <summary>The command line is wrong (unknown verb or option, bad or missing value).</summary>
    public const int Usage = 2;

    /// <summary><c>verify-reference</c> ran and a tensor differs from the reference beyond the tolerance.</summary>
    public const int Mismatch = 3;
}
