using System.CommandLine;
using EcgXai.Cli.Progress;

namespace EcgXai.Cli.Commands;

/// <summary>
/// The pattern of every verb: it declares typed options (<see cref="Use{T}"/>), reads them into an immutable options
/// record (<see cref="Read"/>, which also validates what the parser cannot), and <see cref="Execute"/> calls one
/// library entry point with it. The output folder or file is checked writable before any work starts, and a verb
/// that writes a run folder records its invocation in the folder's <c>config.json</c> when it succeeds.
/// </summary>
/// <typeparam name="TOptions">The options record the verb passes to the library.</typeparam>
public abstract class Verb<TOptions> : Verb
    where TOptions : notnull
{
    /// <summary>Creates the verb; its action reads, checks and executes.</summary>
    protected Verb(string name, string description, string example)
        : base(name, description, example)
    {
        SetAction((parse, cancellation) => Task.FromResult(Invoke(parse, cancellation)));
    }

    /// <summary>Adds <paramref name="symbol"/> (an option or argument) to the verb and returns it.</summary>
    protected T Use<T>(T symbol)
        where T : Symbol
    {
        switch (symbol)
        {
            case Option option:
                Add(option);
                break;
            case Argument argument:
                Add(argument);
                break;
            default:
                throw new ArgumentException($"cannot add a {symbol.GetType().Name} to a verb", nameof(symbol));
        }
        return symbol;
    }

    /// <summary>Reads the parsed options into the record; throws <see cref="UsageException"/> for combinations the parser cannot check.</summary>
    protected abstract TOptions Read(ParseResult parse);

    /// <summary>Runs the verb: one library entry point, results on <see cref="VerbContext.Out"/>; returns the exit code.</summary>
    protected abstract int Execute(TOptions options, VerbContext context);

    /// <summary>The run folder the verb writes (checked writable first; its <c>config.json</c> records the invocation), or null.</summary>
    protected virtual string? OutputFolder(TOptions options) => null;

    /// <summary>False for a verb whose output folder is not a run folder (e.g. a data set): no <c>config.json</c> is written there.</summary>
    protected virtual bool RecordsInvocation => true;

    /// <summary>A single output file the verb writes (its folder is checked writable first), or null.</summary>
    protected virtual string? OutputFile(TOptions options) => null;

    private int Invoke(ParseResult parse, CancellationToken cancellation)
    {
        TOptions options = Read(parse);
        string? folder = OutputFolder(options);
        string? file = OutputFile(options);
        if (folder is not null)
        {
            OutputCheck.EnsureWritableFolder(folder);
        }
        if (file is not null)
        {
            OutputCheck.EnsureWritableFile(file);
        }
        var invocation = RunConfig.Invocation.Of(parse);
        IReadOnlyList<RunConfig.Invocation> earlier = folder is null || !RecordsInvocation ? [] : RunConfig.Invocations(folder);
        cancellation.ThrowIfCancellationRequested();
        int code = Execute(options, new VerbContext(Environment, cancellation));
        if (code == ExitCodes.Success && folder is not null && RecordsInvocation)
        {
            RunConfig.Record(folder, earlier, invocation);
        }
        return code;
    }
}
