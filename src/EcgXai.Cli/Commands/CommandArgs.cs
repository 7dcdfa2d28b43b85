using System.Globalization;

namespace EcgXai.Cli.Commands;

/// <summary>
/// Parsed command-line arguments: positionals, <c>--name value</c> options (repeatable) and <c>--flag</c> switches.
/// Every option a command reads is marked used; <see cref="EnsureAllUsed"/> rejects unknown ones.
/// </summary>
public sealed class CommandArgs
{
    private readonly Dictionary<string, List<string>> options = new(StringComparer.Ordinal);
    private readonly HashSet<string> flags = new(StringComparer.Ordinal);
    private readonly HashSet<string> used = new(StringComparer.Ordinal);

    /// <summary>Parses <paramref name="args"/>; <paramref name="flagNames"/> lists the options that take no value.</summary>
    public CommandArgs(IReadOnlyList<string> args, params string[] flagNames)
    {
        Raw = args;
        var flagSet = new HashSet<string>(flagNames, StringComparer.Ordinal);
        var positionals = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            if (a.StartsWith("--", StringComparison.Ordinal) && a.Length > 2)
            {
                string name = a[2..];
                string? inline = null;
                int eq = name.IndexOf('=');
                if (eq >= 0)
                {
                    inline = name[(eq + 1)..];
                    name = name[..eq];
                }
                if (flagSet.Contains(name) && inline is null)
                {
                    flags.Add(name);
                    continue;
                }
                string value = inline ?? (i + 1 < args.Count ? args[++i] : throw new UsageException($"option --{name} needs a value"));
                if (!options.TryGetValue(name, out var list))
                {
                    options[name] = list = [];
                }
                list.Add(value);
            }
            else
            {
                positionals.Add(a);
            }
        }
        Positionals = positionals;
    }

    /// <summary>The arguments as given.</summary>
    public IReadOnlyList<string> Raw { get; }

    /// <summary>Arguments that are not options.</summary>
    public IReadOnlyList<string> Positionals { get; }

    /// <summary>True when the switch <c>--name</c> was given.</summary>
    public bool Flag(string name)
    {
        used.Add(name);
        return flags.Contains(name);
    }

    /// <summary>The last value of <c>--name</c>, or null.</summary>
    public string? Option(string name)
    {
        used.Add(name);
        return options.TryGetValue(name, out var list) ? list[^1] : null;
    }

    /// <summary>All values of <c>--name</c> (repeatable options; a value may also hold several separated by spaces).</summary>
    public IReadOnlyList<string> Options(string name)
    {
        used.Add(name);
        return options.TryGetValue(name, out var list) ? list : [];
    }

    /// <summary>The value of a required option.</summary>
    public string Required(string name) => Option(name) ?? throw new UsageException($"option --{name} is required");

    /// <summary>An integer option with a default.</summary>
    public int Int(string name, int fallback)
    {
        string? v = Option(name);
        if (v is null)
        {
            return fallback;
        }
        return int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out int r) ? r : throw new UsageException($"--{name} expects an integer, got '{v}'");
    }

    /// <summary>A floating-point option with a default.</summary>
    public double Double(string name, double fallback)
    {
        string? v = Option(name);
        if (v is null)
        {
            return fallback;
        }
        return double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double r) ? r : throw new UsageException($"--{name} expects a number, got '{v}'");
    }

    /// <summary>Throws <see cref="UsageException"/> when an option was given that no code read.</summary>
    public void EnsureAllUsed()
    {
        foreach (string name in options.Keys.Concat(flags))
        {
            if (!used.Contains(name))
            {
                throw new UsageException($"unknown option --{name}");
            }
        }
    }
}
