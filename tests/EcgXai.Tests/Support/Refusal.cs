using EcgXai.Cli;

namespace EcgXai.Tests.Support;

/// <summary>
/// Runs a command line that must be refused and asserts the refusal conventions (issues 12 and 14): the exit code,
/// nothing on stdout, exactly one line on stderr, <c>ecgxai VERB: …</c>, naming the file and the problem (a usage
/// error adds the pointer to the verb's help), no stack trace, and no file created, changed or deleted in the
/// watched folders (the run folder, the inputs).
/// </summary>
public static class Refusal
{
    /// <summary>Runs <paramref name="args"/> in-process and asserts the refusal; returns the error line.</summary>
    public static string Assert(int expectedCode, IReadOnlyList<string> named, IReadOnlyList<string> watched, params string[] args)
    {
        FolderSnapshot[] before = watched.Select(FolderSnapshot.Of).ToArray();
        var (code, stdout, stderr) = CliRunner.Run(args);
        string context = $"ecgxai {string.Join(' ', args)}\nexit code {code}\nstdout: {stdout}\nstderr: {stderr}";
        Xunit.Assert.True(code == expectedCode, context);
        Xunit.Assert.True(stdout.Length == 0, "stdout is not empty: " + context);
        string verb = string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')).Take(args[0] == "bench" ? 2 : 1));
        string[] lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        if (expectedCode == ExitCodes.Usage)
        {
            // A usage error is followed by the pointer to the verb's help.
            Xunit.Assert.Equal(EcgXaiCli.UsageHint("ecgxai " + verb), lines[^1]);
            lines = lines[..^1];
        }
        Xunit.Assert.True(lines.Length == 1, "not one error line: " + context);
        Xunit.Assert.StartsWith($"ecgxai {verb}: ", lines[0]);
        foreach (string name in named)
        {
            Xunit.Assert.True(lines[0].Contains(name, StringComparison.Ordinal), $"'{name}' is not named: {context}");
        }
        Xunit.Assert.DoesNotContain("   at ", stderr);
        Xunit.Assert.DoesNotContain("unexpected ", lines[0]);
        Xunit.Assert.DoesNotContain("Exception", lines[0]);
        for (int i = 0; i < watched.Count; i++)
        {
            before[i].AssertUnchanged(watched[i]);
        }
        return lines[0];
    }
}
