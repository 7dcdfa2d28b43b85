namespace EcgXai.Cli.Commands;

/// <summary>One verb of the <c>ecgxai</c> command. Implementations are discovered by reflection, one per file.</summary>
public interface ICommand
{
    /// <summary>The verb, e.g. "dump".</summary>
    string Name { get; }

    /// <summary>One-line description shown by <c>ecgxai help</c>.</summary>
    string Summary { get; }

    /// <summary>Usage text (options) shown by <c>ecgxai help VERB</c>.</summary>
    string Usage { get; }

    /// <summary>Runs the verb; returns the process exit code.</summary>
    int Run(CommandArgs args, TextWriter stdout, TextWriter stderr);
}
