using System.CommandLine;
using EcgXai.Datasets;

namespace EcgXai.Cli.Commands;

/// <summary><c>ecgxai cohort --data SPEC... [--out DIR]</c>: cohort statistics per dataset, printed and written to <c>DIR/data/cohort.csv</c> and <c>.json</c>.</summary>
public sealed class CohortCommand : Verb<CohortOptions>
{
    private readonly Option<string[]> data;
    private readonly Option<string?> output;

    /// <summary>Declares the options.</summary>
    public CohortCommand()
        : base("cohort", "cohort statistics per dataset: records, patients, age, sex, label prevalence (only the indexes are read)",
            "ecgxai cohort --data ptbxl:/data/ptb-xl --data \"cpsc2018:/data/CPSC 2018\" --out runs/study")
    {
        data = Use(SharedOptions.Data(splitAllowed: true));
        output = Use(new Option<string?>("--out") { Description = "run folder: writes DIR/data/cohort.csv and cohort.json", HelpName = "DIR" });
    }

    /// <inheritdoc />
    protected override CohortOptions Read(ParseResult parse) => new(SharedOptions.RequireExisting(parse.GetRequiredValue(data)), parse.GetValue(output));

    /// <inheritdoc />
    protected override string? OutputFolder(CohortOptions options) => options.OutDirectory;

    /// <inheritdoc />
    protected override int Execute(CohortOptions options, VerbContext context)
    {
        foreach (string line in CohortReport.Create(options).ToLines())
        {
            context.Out.WriteLine(line);
        }
        return ExitCodes.Success;
    }
}
