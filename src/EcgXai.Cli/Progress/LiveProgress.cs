using Spectre.Console;

namespace EcgXai.Cli.Progress;

/// <summary>Spectre.Console progress bars with ETA, one task per stage.</summary>
public sealed class LiveProgress(ProgressContext context, IAnsiConsole console) : ProgressDisplay
{
    private readonly Dictionary<string, ProgressTask> tasks = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <inheritdoc />
    public override void Report(string stage, double completed, double total, string? detail = null)
    {
        lock (gate)
        {
            // A finished stage that starts again (the next dataset) gets a new bar.
            if (!tasks.TryGetValue(stage, out ProgressTask? task) || (task.IsFinished && completed < task.Value))
            {
                tasks[stage] = task = context.AddTask(Markup.Escape(stage), maxValue: Math.Max(total, 1));
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

    /// <summary>Stops every bar (an early-stopped training ends below 100 %).</summary>
    public void StopAll()
    {
        lock (gate)
        {
            foreach (ProgressTask task in tasks.Values)
            {
                task.StopTask();
            }
        }
    }
}
