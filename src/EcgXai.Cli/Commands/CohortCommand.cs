using EcgXai.Datasets;

namespace EcgXai.Cli.Commands;

/// <summary><c>ecgxai cohort --data SPEC... [--out DIR]</c>: cohort statistics per dataset, printed and written to <c>DIR/data/cohort.csv</c> and <c>.json</c>.</summary>
public sealed class CohortCommand : ICommand
{
    /// <inheritdoc />
    public string Name => "cohort";

    /// <inheritdoc />
    public string Summary => "cohort statistics per dataset: records, patients, age, sex, label prevalence";

    /// <inheritdoc />
    public string Usage => "ecgxai cohort --data SPEC [--data SPEC ...] [--out DIR]\n  SPEC = ptbxl:PATH | cpsc2018:PATH | challenge:PATH | cinc2017:PATH | sph:PATH, optionally @train/@val/@test";

    /// <inheritdoc />
    public int Run(CommandArgs args, TextWriter stdout, TextWriter stderr)
    {
        var options = new CohortOptions(
            args.Options("data").SelectMany(v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Concat(args.Positionals).ToArray(),
            args.Option("out"));
        args.EnsureAllUsed();
        if (options.Specs.Count == 0)
        {
            throw new UsageException("name at least one dataset with --data SPEC");
        }
        foreach (string line in CohortReport.Create(options).ToLines())
        {
            stdout.WriteLine(line);
        }
        return 0;
    }
}
