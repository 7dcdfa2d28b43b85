using System.CommandLine;
using EcgXai.IO;
using EcgXai.Reports.Atlas;

namespace EcgXai.Cli.Commands;

/// <summary><c>ecgxai report --run DIR [--notes FILE]</c>: (re)builds the run's concept atlas, <c>DIR/report/index.html</c>, from its files.</summary>
public sealed class ReportCommand : Verb<AtlasOptions>
{
    private readonly Option<string> run;
    private readonly Option<string?> notes;
    private readonly Option<string?> model;

    /// <summary>Declares the options.</summary>
    public ReportCommand()
        : base("report", "build the concept atlas DIR/report/index.html (one self-contained page) from a run folder, recomputing nothing; --notes merges an expert's exported notes",
            "ecgxai report --run runs/demo --notes runs/demo/ecgxai-notes.json")
    {
        run = Use(new Option<string>("--run") { Description = "the run folder", HelpName = "DIR", Required = true });
        notes = Use(new Option<string?>("--notes") { Description = "notes exported from the page, merged into DIR/report/notes.json (the file itself is not changed)", HelpName = "FILE" });
        model = Use(new Option<string?>("--model") { Description = "the model whose SHA-256 keys the notes (default: the model named in DIR/config.json)", HelpName = "FILE" });
    }

    /// <inheritdoc />
    protected override AtlasOptions Read(ParseResult parse)
    {
        var options = new AtlasOptions(parse.GetRequiredValue(run)) { NotesFile = parse.GetValue(notes), ModelPath = parse.GetValue(model) };
        options.Validate();
        return options;
    }

    /// <inheritdoc />
    protected override string? OutputFolder(AtlasOptions options) => options.RunDirectory;

    /// <inheritdoc />
    protected override int Execute(AtlasOptions options, VerbContext context)
    {
        AtlasResult result = context.WithProgress(display => AtlasBuilder.Build(options, display.For<string>((d, message) => d.Log(message))));
        string others = result.NotesOfOtherModels > 0 ? $"; {result.NotesOfOtherModels} notes of other models kept in {result.NotesPath} but not shown" : "";
        context.Out.WriteLine($"atlas: {result.Concepts} concepts, {result.Sections} result folders, {result.NotesShown} notes{others}");
        context.Out.WriteLine($"wrote {result.PagePath}");
        return ExitCodes.Success;
    }
}
