using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using EcgXai.Cli.Commands;

namespace EcgXai.Cli;

/// <summary>System.CommandLine's help (usage, options with defaults) followed by the verb's example.</summary>
public sealed class ExampleHelpAction(HelpAction help) : SynchronousCommandLineAction
{
    /// <inheritdoc />
    public override bool ClearsParseErrors => true;

    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        int code = help.Invoke(parseResult);
        if (parseResult.CommandResult.Command is Verb { Example: { } example })
        {
            TextWriter output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Example:");
            output.WriteLine("  " + example);
            output.WriteLine();
        }
        return code;
    }
}
