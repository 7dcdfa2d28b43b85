namespace EcgXai.Tests.Support;

/// <summary>Locates <c>../shared</c> beside the repository (or <c>ECGXAI_SHARED</c>); tests that need it skip cleanly when it is absent.</summary>
public static class SharedData
{
    /// <summary>The shared folder, or null when absent.</summary>
    public static string? Root { get; } = Find();

    /// <summary>The repository root (the folder holding EcgXai.slnx).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Full path of <paramref name="relative"/> under the shared folder; skips the test when it is missing.</summary>
    public static string Require(string relative)
    {
        Skip.If(Root is null, "../shared is not present");
        string path = Path.Combine(Root!, relative);
        Skip.IfNot(File.Exists(path) || Directory.Exists(path), $"{path} is not present");
        return path;
    }

    private static string? Find()
    {
        string? env = Environment.GetEnvironmentVariable("ECGXAI_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env))
        {
            return env;
        }
        string candidate = Path.GetFullPath(Path.Combine(FindRepoRoot(), "..", "shared"));
        return Directory.Exists(candidate) ? candidate : null;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EcgXai.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("repository root (EcgXai.slnx) not found above " + AppContext.BaseDirectory);
    }
}
