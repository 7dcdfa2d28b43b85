using EcgXai.Cli;

namespace EcgXai.Tests.Support;

/// <summary>Runs the <c>ecgxai</c> command line in-process with captured stdout and stderr (not a terminal).</summary>
public static class CliRunner
{
    /// <summary>Exit code, stdout and stderr of <c>ecgxai ARGS</c>.</summary>
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = EcgXaiCli.Run(args, new CliEnvironment(stdout, stderr));
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs <c>ecgxai ARGS</c> writing to the given streams; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => EcgXaiCli.Run(args, new CliEnvironment(stdout, stderr));
}
