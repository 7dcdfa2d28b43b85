using EcgXai.IO;
using System.CommandLine;
using EcgXai.Explain.Concepts;

namespace EcgXai.Cli.Commands;

/// <summary><c>ecgxai merge --out DIR PART...</c>: combines the shards of one <c>ecgxai concepts</c> analysis exactly and writes its tables.</summary>
public sealed class MergeCommand : Verb<ConceptMergeOptions>
{
    private readonly Option<string> output = SharedOptions.Out("run folder: writes DIR/explain/concepts/", required: true);
    private readonly Argument<string[]> parts = new("parts") { Description = "folders of every shard (written by `ecgxai concepts --shard i/n --out PART`)", Arity = ArgumentArity.OneOrMore };
    private readonly Option<string> device = SharedOptions.Device();

    /// <summary>Declares the options.</summary>
    public MergeCommand()
        : base("merge", "combine the shards of a concept analysis exactly (sums, moments, top-k lists) and write the tables of one run",
            "ecgxai merge --out runs/demo runs/demo/parts/0 runs/demo/parts/1 runs/demo/parts/2")
    {
        // A token like --x would otherwise be taken as a part folder.
        parts.Validators.Add(result =>
        {
            foreach (string token in result.Tokens.Select(t => t.Value).Where(t => t.StartsWith('-')))
            {
                result.AddError($"Unrecognized command or argument '{token}'.");
            }
        });
        Use(output);
        Use(parts);
        Use(device);
    }

    /// <inheritdoc />
    protected override ConceptMergeOptions Read(ParseResult parse)
    {
        string[] folders = parse.GetRequiredValue(parts);
        string? missing = folders.FirstOrDefault(f => !Directory.Exists(f));
        return missing is null
            ? new ConceptMergeOptions(parse.GetRequiredValue(output), folders) { Device = parse.GetValue(device) }
            : throw new EcgXaiException(missing, "part folder not found");
    }

    /// <inheritdoc />
    protected override string? OutputFolder(ConceptMergeOptions options) => options.OutDirectory;

    /// <inheritdoc />
    protected override int Execute(ConceptMergeOptions options, VerbContext context)
    {
        ConceptResult result = context.WithProgress(display =>
            ConceptAnalysis.Merge(options, display.For<ConceptProgress>((d, p) => d.Report(p.Stage, p.Done, p.Total, p.Message)), context.Cancellation));
        context.Out.WriteLine(ConceptReport.Describe(result));
        return ExitCodes.Success;
    }
}
