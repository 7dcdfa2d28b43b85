namespace EcgXai.Cli.Commands;

/// <summary><c>ecgxai bench KIND [options]</c>: runs one benchmark (data, synth, train, explain, ...).</summary>
[Flags("json")]
public sealed class BenchCommand : ICommand
{
    /// <inheritdoc />
    public string Name => "bench";

    /// <inheritdoc />
    public string Summary => "benchmarks that print throughput and ratios: " + string.Join(", ", Kinds.Select(k => k.Name));

    /// <inheritdoc />
    public string Usage => "ecgxai bench KIND [--json] [options]\n" + string.Join("\n", Kinds.Select(k => $"  {k.Name,-10} {k.Summary}\n    {k.Usage}"));

    private static IReadOnlyList<IBenchmarkCommand> Kinds { get; } = typeof(BenchCommand).Assembly.GetTypes()
        .Where(t => typeof(IBenchmarkCommand).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
        .Select(t => (IBenchmarkCommand)Activator.CreateInstance(t)!)
        .OrderBy(c => c.Name, StringComparer.Ordinal)
        .ToArray();

    /// <inheritdoc />
    public int Run(CommandArgs args, TextWriter stdout, TextWriter stderr)
    {
        string kind = args.Positionals.Count > 0 ? args.Positionals[0] : throw new UsageException("name a benchmark: " + string.Join(", ", Kinds.Select(k => k.Name)));
        IBenchmarkCommand bench = Kinds.FirstOrDefault(k => k.Name == kind) ?? throw new UsageException($"unknown benchmark '{kind}'");
        return CommandRegistry.Run([bench.Name, .. args.Raw.Skip(1)], stdout, stderr, Kinds);
    }
}
