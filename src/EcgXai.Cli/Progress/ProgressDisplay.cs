using EcgXai.IO;
using Spectre.Console;

namespace EcgXai.Cli.Progress;

/// <summary>
/// Shows a verb's progress on stderr, one bar (or line series) per stage. The library reports through
/// <see cref="IProgress{T}"/>; a verb maps its progress records onto <see cref="Report"/>.
/// </summary>
public abstract class ProgressDisplay
{
    /// <summary>Runs <paramref name="work"/> with live Spectre.Console bars on a terminal, plain throttled lines otherwise.</summary>
    public static T Run<T>(CliEnvironment environment, Func<ProgressDisplay, T> work)
    {
        if (!environment.Interactive)
        {
            // A failure drops the lines still held back, so that an early refusal is one line.
            var plain = new PlainProgress(environment.Error, TimeSpan.FromSeconds(PlainProgress.DefaultIntervalSeconds));
            T result = work(plain);
            plain.Flush();
            return result;
        }
        return LiveProgress.Run(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(environment.Error) }), work);
    }

    /// <summary><paramref name="completed"/> of <paramref name="total"/> units of <paramref name="stage"/> are done; <paramref name="detail"/> is shown beside it.</summary>
    public abstract void Report(string stage, double completed, double total, string? detail = null);

    /// <summary>A log line (shown above the bars on a terminal).</summary>
    public abstract void Log(string line);

    /// <summary>An <see cref="IProgress{T}"/> that maps each report to <see cref="Report"/> or <see cref="Log"/> on the calling thread.</summary>
    public IProgress<T> For<T>(Action<ProgressDisplay, T> map) => new SynchronousProgress<T>(value => map(this, value));
}
