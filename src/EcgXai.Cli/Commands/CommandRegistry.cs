using System.Reflection;

namespace EcgXai.Cli.Commands;

/// <summary>Finds every <see cref="ICommand"/> in this assembly and dispatches a command line to one.</summary>
public static class CommandRegistry
{
    /// <summary>All verbs, sorted by name.</summary>
    public static IReadOnlyList<ICommand> All { get; } = typeof(CommandRegistry).Assembly.GetTypes()
        .Where(t => typeof(ICommand).IsAssignableFrom(t) && !typeof(IBenchmarkCommand).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
        .Select(t => (ICommand)Activator.CreateInstance(t)!)
        .OrderBy(c => c.Name, StringComparer.Ordinal)
        .ToArray();

    /// <summary>Runs the verb named by <c>args[0]</c>; returns the exit code (2 for usage errors, 1 for failures).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, All);

    /// <summary>Runs the command of <paramref name="commands"/> named by <c>args[0]</c>.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, IReadOnlyList<ICommand> commands)
    {
        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
        {
            PrintHelp(args.Length > 1 ? args[1] : null, stdout);
            return 0;
        }
        ICommand? command = commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            stderr.WriteLine($"ecgxai: unknown verb '{args[0]}'. Run 'ecgxai help'.");
            return 2;
        }
        try
        {
            return command.Run(new CommandArgs(args[1..], FlagsOf(command)), stdout, stderr);
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"ecgxai {command.Name}: {e.Message}");
            stderr.WriteLine(command.Usage);
            return 2;
        }
        catch (Exception e) when (e is IO.EcgXaiException or IOException or ArgumentException or InvalidDataException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"ecgxai {command.Name}: {e.Message}");
            return 1;
        }
    }

    private static string[] FlagsOf(ICommand command) =>
        command.GetType().GetCustomAttributes<FlagsAttribute>().SelectMany(a => a.Names).ToArray();

    private static void PrintHelp(string? verb, TextWriter stdout)
    {
        ICommand? command = verb is null ? null : All.FirstOrDefault(c => c.Name == verb);
        if (command is not null)
        {
            stdout.WriteLine($"ecgxai {command.Name}: {command.Summary}");
            stdout.WriteLine(command.Usage);
            return;
        }
        stdout.WriteLine("ecgxai VERB [options]   (ecgxai help VERB for its options)");
        foreach (ICommand c in All)
        {
            stdout.WriteLine($"  {c.Name,-18} {c.Summary}");
        }
    }
}
