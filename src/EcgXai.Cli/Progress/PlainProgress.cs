using System.Diagnostics;
using System.Globalization;

namespace EcgXai.Cli.Progress;

/// <summary>
/// Progress as plain lines for redirected output: a stage's first report, then at most one line per
/// <c>interval</c>, and its completion; log lines as they come. Lines of the first interval are held back until it
/// has passed or the verb succeeds (<see cref="Flush"/>): a verb refused early prints only its one error line.
/// </summary>
public sealed class PlainProgress(TextWriter writer, TimeSpan interval) : ProgressDisplay
{
    /// <summary>Seconds between two lines of one stage.</summary>
    public const double DefaultIntervalSeconds = 5;

    private readonly Dictionary<string, (TimeSpan At, double Completed)> last = new(StringComparer.Ordinal);
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Lock gate = new();
    private List<string>? held = [];

    /// <inheritdoc />
    public override void Report(string stage, double completed, double total, string? detail = null)
    {
        lock (gate)
        {
            TimeSpan now = clock.Elapsed;
            bool done = completed >= total;
            // A stage prints its first report, its completion, a restart (e.g. the next dataset) and otherwise one line per interval.
            if (last.TryGetValue(stage, out var previous) && completed >= previous.Completed
                && (done ? previous.Completed == completed : now - previous.At < interval))
            {
                return;
            }
            last[stage] = (now, completed);
            string count = string.Create(CultureInfo.InvariantCulture, $"{completed:0.##}/{total:0.##}");
            Write(detail is null ? $"{stage}: {count}" : $"{stage}: {count} {detail}");
        }
    }

    /// <inheritdoc />
    public override void Log(string line)
    {
        lock (gate)
        {
            Write(line);
        }
    }

    /// <summary>Writes the lines held back so far; every later line is written at once.</summary>
    public void Flush()
    {
        lock (gate)
        {
            foreach (string line in held ?? [])
            {
                writer.WriteLine(line);
            }
            held = null;
        }
    }

    private void Write(string line)
    {
        if (held is not null && clock.Elapsed < interval)
        {
            held.Add(line);
            return;
        }
        Flush();
        writer.WriteLine(line);
    }
}
