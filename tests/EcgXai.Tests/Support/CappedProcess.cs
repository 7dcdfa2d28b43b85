using System.Diagnostics;

namespace EcgXai.Tests.Support;

/// <summary>Runs the <c>ecgxai</c> CLI (built beside the tests) in a child process whose GC heap is capped by <c>DOTNET_GCHeapHardLimit</c>.</summary>
public static class CappedProcess
{
    /// <summary>Runs <c>ecgxai ARGS</c> with at most <paramref name="heapBytes"/> of managed heap; returns its exit code and output.</summary>
    public static (int Code, string Stdout, string Stderr) RunCli(long heapBytes, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "EcgXai.Cli.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["DOTNET_GCHeapHardLimit"] = "0x" + heapBytes.ToString("X");
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"ecgxai {string.Join(' ', args)} did not finish within 2 minutes");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
