namespace EcgXai.Cli.Commands;

/// <summary>Names the options of a command that are switches (take no value).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class FlagsAttribute(params string[] names) : Attribute
{
    /// <summary>Switch names without the leading dashes.</summary>
    public IReadOnlyList<string> Names { get; } = names;
}
