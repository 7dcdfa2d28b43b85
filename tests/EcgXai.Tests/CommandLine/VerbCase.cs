namespace EcgXai.Tests.CommandLine;

/// <summary>
/// One row of the bad-input table: a command line template (tokens of <see cref="VerbInputs"/>, <c>{run}</c> and
/// <c>{cache}</c>), what is wrong with it, and what the one error line must name (or, for
/// <see cref="BadInput.PathWithSpaces"/>, the files the run must write, relative to <c>{run}</c>).
/// </summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Args">The command line template, verb first.</param>
/// <param name="Named">Texts (templates) the error line contains, or the files a good run writes.</param>
public sealed record VerbCase(BadInput Kind, IReadOnlyList<string> Args, IReadOnlyList<string> Named)
{
    /// <summary>A readable name: verb, kind and what was changed.</summary>
    public string Name { get; init; } = "";

    /// <inheritdoc />
    public override string ToString() => Name;
}
