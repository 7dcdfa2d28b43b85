using EcgXai.Cli.Progress;

namespace EcgXai.Cli.Commands;

/// <summary>What a running verb gets: the output streams, the cancellation token (Ctrl-C) and progress display.</summary>
/// <param name="Environment">Where results and progress go.</param>
/// <param name="Cancellation">Cancelled by Ctrl-C; pass it into the library.</param>
public sealed record VerbContext(CliEnvironment Environment, CancellationToken Cancellation)
{
    /// <summary>Standard output: results (a <c>--json</c> line last).</summary>
    public TextWriter Out => Environment.Out;

    /// <summary>Standard error: logs.</summary>
    public TextWriter Error => Environment.Error;

    /// <summary>Runs <paramref name="work"/> with a progress display on stderr: live bars on a terminal, plain lines at most every few seconds otherwise.</summary>
    public T WithProgress<T>(Func<ProgressDisplay, T> work) => ProgressDisplay.Run(Environment, work);
}
