using System.CommandLine;
using System.Reflection;

namespace EcgXai.Cli.Commands;

/// <summary>
/// One verb of <c>ecgxai</c> (a System.CommandLine <see cref="Command"/>): its description, one example, and its
/// environment. Concrete verbs derive from <see cref="Verb{TOptions}"/>; every non-abstract verb of the assembly is
/// found by reflection, so adding a verb is adding one file.
/// </summary>
public abstract class Verb : Command
{
    /// <summary>Creates a verb named <paramref name="name"/>.</summary>
    protected Verb(string name, string description, string example)
        : base(name, description)
    {
        Example = example;
    }

    /// <summary>One complete example command line, shown by <c>--help</c>.</summary>
    public string Example { get; }

    /// <summary>Where the verb writes (set when the command line is built).</summary>
    public CliEnvironment Environment { get; private set; } = new(TextWriter.Null, TextWriter.Null);

    /// <summary>
    /// Every concrete verb of <paramref name="assembly"/>: the top-level ones when <paramref name="top"/>, else the
    /// <c>bench</c> kinds (<see cref="IBenchmarkVerb"/>); sorted by name and bound to <paramref name="environment"/>.
    /// </summary>
    public static IReadOnlyList<Verb> Discover(Assembly assembly, bool top, CliEnvironment environment) => assembly.GetTypes()
        .Where(t => typeof(Verb).IsAssignableFrom(t) && !t.IsAbstract && typeof(IBenchmarkVerb).IsAssignableFrom(t) != top)
        .Select(t => (Verb)Activator.CreateInstance(t)!)
        .Select(v =>
        {
            v.Bind(environment);
            return v;
        })
        .OrderBy(v => v.Name, StringComparer.Ordinal)
        .ToArray();

    /// <summary>Binds this verb (and any sub-verbs) to <paramref name="environment"/>.</summary>
    protected virtual void Bind(CliEnvironment environment) => Environment = environment;
}
