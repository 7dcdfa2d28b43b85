using System.CommandLine.Parsing;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using EcgXai.Cli.Commands;

namespace EcgXai.Cli;

/// <summary>
/// The <c>ecgxai</c> command line on System.CommandLine: every <see cref="Verb"/> of this assembly (one file each,
/// found by reflection) under one root, <c>ecgxai help VERB</c>, parse errors as exit code 2, and every exception
/// that reaches the top mapped to one line and an exit code by <see cref="ErrorReport"/>.
/// </summary>
public static class EcgXaiCli
{
    /// <summary>Runs one command line; returns the process exit code (see <see cref="ExitCodes"/>).</summary>
    public static int Run(string[] args, CliEnvironment environment, CancellationToken cancellation = default)
    {
        RootCommand root = Build(environment);
        ParseResult parse = root.Parse(args.Length == 0 ? ["--help"] : args);
        string verb = VerbName(parse);
        if (parse.Action is ParseErrorAction)
        {
            foreach (var error in parse.Errors)
            {
                environment.Error.WriteLine($"{verb}: {error.Message}");
            }
            environment.Error.WriteLine(UsageHint(verb));
            return ExitCodes.Usage;
        }
        try
        {
            var invocation = new InvocationConfiguration
            {
                Output = environment.Out,
                Error = environment.Error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            };
            return parse.InvokeAsync(invocation, cancellation).GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            var (code, message) = ErrorReport.Describe(e);
            environment.Error.WriteLine($"{verb}: {message}");
            if (code == ExitCodes.Usage)
            {
                environment.Error.WriteLine(UsageHint(verb));
            }
            if (parse.GetValue<bool>(VerboseName))
            {
                environment.Error.WriteLine(e.ToString());
            }
            return code;
        }
    }

    /// <summary>The option that prints the stack trace of a failure (any verb).</summary>
    public const string VerboseName = "--verbose";

    /// <summary>The verbs (top-level commands), sorted by name, each bound to <paramref name="environment"/>.</summary>
    public static IReadOnlyList<Verb> Verbs(CliEnvironment environment) => Verb.Discover(typeof(EcgXaiCli).Assembly, top: true, environment);

    /// <summary>The line after a usage error (exit code 2) of <paramref name="verb"/> (e.g. <c>ecgxai evaluate</c>).</summary>
    public static string UsageHint(string verb) => $"Run '{verb} --help' for its options and an example.";

    private static RootCommand Build(CliEnvironment environment)
    {
        var root = new RootCommand("EcgXai: train, distil, evaluate and explain 12-lead ECG classifiers (ecgxai help VERB for a verb's options)")
        {
            new Option<bool>(VerboseName) { Description = "print the full error with its stack trace when the command fails", Recursive = true },
        };
        root.HelpName = "ecgxai";
        foreach (Verb verb in Verbs(environment))
        {
            root.Add(verb);
        }
        root.Add(HelpVerb(root));
        HelpOption help = root.Options.OfType<HelpOption>().Single();
        help.Action = new ExampleHelpAction((HelpAction)help.Action!);
        return root;
    }

    private static Command HelpVerb(RootCommand root)
    {
        var words = new Argument<string[]>("verb") { Description = "the verb (and sub-verb, e.g. 'bench explain') to describe", Arity = ArgumentArity.ZeroOrMore };
        var help = new Command("help", "print a verb's options, their defaults and an example") { words };
        help.SetAction((parse, cancellation) => root.Parse([.. parse.GetValue(words) ?? [], "--help"]).InvokeAsync(parse.InvocationConfiguration, cancellation));
        return help;
    }

    private static string VerbName(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as CommandResult)
        {
            names.Insert(0, result.Command is RootCommand ? "ecgxai" : result.Command.Name);
        }
        return string.Join(" ", names);
    }
}
