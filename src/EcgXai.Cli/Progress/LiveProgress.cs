using Spectre.Console;

namespace EcgXai.Cli.Progress;

/// <summary>
/// Spectre.Console progress bars with ETA, one task per stage. The live display starts at the first report, so a verb
/// refused before any progress draws nothing (no blank bar area) and its error line is its only output.
/// </summary>
public sealed class LiveProgress : ProgressDisplay, IDisposable
{
    private readonly Dictionary<string, ProgressTask> tasks = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private readonly IAnsiConsole console;
    private readonly TaskCompletionSource finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ProgressContext? context;
    private Task? display;

    private LiveProgress(IAnsiConsole console) => this.console = console;

    /// <summary>Runs <paramref name="work"/> with live bars on <paramref name="console"/>, drawn from its first report on.</summary>
    public static T Run<T>(IAnsiConsole console, Func<ProgressDisplay, T> work)
    {
        using var live = new LiveProgress(console);
        return work(live);
    }

    /// <inheritdoc />
    public override void Report(string stage, double completed, double total, string? detail = null)
    {
        lock (gate)
        {
            ProgressContext bars = Started();
            // A finished stage that starts again (the next dataset) gets a new bar.
            if (!tasks.TryGetValue(stage, out ProgressTask? task) || (task.IsFinished && completed < task.Value))
            {
                tasks[stage] = task = bars.AddTask(Markup.Escape(stage), maxValue: Math.Max(total, 1));
            }
            task.MaxValue = Math.Max(total, 1);
            task.Value = Math.Min(completed, task.MaxValue);
            task.Description = Markup.Escape(detail is null ? stage : $"{stage}: {detail}");
            if (completed >= total)
            {
                task.StopTask();
            }
        }
    }

    /// <inheritdoc />
    public override void Log(string line)
    {
        lock (gate)
        {
            console.WriteLine(line);
        }
    }

    /// <summary>Stops every bar (an early-stopped training ends below 100 %) and ends the live display, if it started.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            foreach (ProgressTask task in tasks.Values)
            {
                task.StopTask();
            }
            finished.TrySetResult();
            display?.GetAwaiter().GetResult();
        }
    }

    private ProgressContext Started()
    {
        if (context is not null)
        {
            return context;
        }
        var ready = new TaskCompletionSource<ProgressContext>(TaskCreationOptions.RunContinuationsAsynchronously);
        display = console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(started =>
            {
                ready.SetResult(started);
                return finished.Task;
            });
        Task.WhenAny(ready.Task, display).GetAwaiter().GetResult();
        if (!ready.Task.IsCompleted)
        {
            // The display failed before it handed out its context: surface its exception.
            display.GetAwaiter().GetResult();
        }
        return context = ready.Task.Result;
    }
}
