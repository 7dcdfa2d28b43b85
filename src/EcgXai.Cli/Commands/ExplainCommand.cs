using System.CommandLine;
using System.Globalization;
using EcgXai.IO;
using EcgXai.Reports.Explanation;

namespace EcgXai.Cli.Commands;

/// <summary><c>ecgxai explain</c>: prediction, per-lead heatmap and top concepts of single ECGs, as PNGs and a small HTML page.</summary>
public sealed class ExplainCommand : Verb<ExplainOptions>
{
    private static readonly ExplainOptions Defaults = new("", "");

    private readonly Option<string> model = SharedOptions.Model();
    private readonly Option<string[]> records = new("--record") { Description = "ECG file to explain (WFDB, CPSC .mat, SPH .h5); repeatable", HelpName = "FILE", AllowMultipleArgumentsPerToken = false };
    private readonly Option<string?> data = new("--data") { Description = "dataset spec whose --ids are explained", HelpName = "SPEC" };
    private readonly Option<string[]?> ids = SharedOptions.CommaList("--ids", "ID,ID,...", "record ids of --data, separated by commas");
    private readonly Option<string?> target = new("--target") { Description = "class to explain (default: each record's most probable class)", HelpName = "CLASS" };
    private readonly Option<string> composite = SharedOptions.Choice("--composite", Defaults.Composite,
        ["epsilon_plus_flat", "epsilon_plus", "epsilon_alpha2_beta1_flat", "epsilon_alpha2_beta1"], "LRP composite");
    private readonly Option<string?> concepts = new("--concepts") { Description = "LAYER:TOPK, e.g. blocks.3.out:5: conditional heatmaps and relevance shares of the layer's top concepts", HelpName = "LAYER:TOPK" };
    private readonly Option<string> output = SharedOptions.Out("folder for index.html, explanation.json and one folder of PNGs per record", required: true);
    private readonly Option<double> rate = SharedOptions.Double("--rate", Defaults.Hdf5SampleRate, 0, "sampling rate of SPH .h5 records (Hz)");
    private readonly Option<string> device = SharedOptions.Device();
    private readonly Option<string?> cache = SharedOptions.Cache();

    /// <summary>Declares the options.</summary>
    public ExplainCommand()
        : base("explain", "explain single ECGs: prediction per class, per-lead LRP heatmap, top concepts of a layer with CRP heatmaps (PNGs + index.html)",
            "ecgxai explain --model runs/demo/student/models/best.safetensors --record data/A0001.hea --target AF --concepts blocks.3.out:5 --out explain/A0001")
    {
        foreach (Option option in new Option[] { model, records, data, ids, target, composite, concepts, output, rate, device, cache })
        {
            Use(option);
        }
    }

    /// <inheritdoc />
    protected override ExplainOptions Read(ParseResult parse)
    {
        string[] files = parse.GetValue(records) ?? [];
        foreach (string file in files)
        {
            if (!File.Exists(file) && !File.Exists(file + ".hea"))
            {
                throw new EcgXaiException(file, "record not found");
            }
        }
        string? spec = parse.GetValue(data);
        string[] wanted = SharedOptions.NullIfEmpty(parse.GetValue(ids)) ?? [];
        if (files.Length == 0 && spec is null)
        {
            throw new UsageException("name a record with --record FILE, or a dataset with --data SPEC --ids ID,...");
        }
        if (spec is null != (wanted.Length == 0))
        {
            throw new UsageException("--data and --ids go together");
        }
        if (spec is not null)
        {
            SharedOptions.RequireExisting([spec]);
        }
        var (layer, top) = ParseConcepts(parse.GetValue(concepts));
        return new ExplainOptions(parse.GetRequiredValue(model), parse.GetRequiredValue(output))
        {
            Records = files,
            DataSpec = spec,
            Ids = wanted,
            Target = parse.GetValue(target),
            Composite = parse.GetRequiredValue(composite),
            ConceptLayer = layer,
            TopConcepts = top,
            Hdf5SampleRate = parse.GetValue(rate),
            Device = parse.GetValue(device),
            CacheDirectory = parse.GetValue(cache),
        };
    }

    /// <inheritdoc />
    protected override string? OutputFolder(ExplainOptions options) => options.OutDirectory;

    /// <inheritdoc />
    protected override int Execute(ExplainOptions options, VerbContext context)
    {
        ExplainReport report = context.WithProgress(display => RecordExplainer.Run(options, display.For<string>((d, line) => d.Log(line)), context.Cancellation));
        foreach (RecordExplanation r in report.Records)
        {
            string top = string.Join(", ", r.Concepts.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Channel} ({c.Share:P1})")));
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Id}: {r.Target} p={r.Probabilities[r.Target]:0.000}{(top.Length > 0 ? $"; top concepts of {report.ConceptLayer}: {top}" : "")}"));
        }
        context.Out.WriteLine($"page: {Path.GetFullPath(report.Page)}");
        return ExitCodes.Success;
    }

    private static (string? Layer, int Top) ParseConcepts(string? text)
    {
        if (text is null)
        {
            return (null, Defaults.TopConcepts);
        }
        int colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int top) || top < 1)
        {
            throw new UsageException($"--concepts expects LAYER:TOPK with TOPK at least 1, e.g. blocks.3.out:5; got '{text}'");
        }
        return (text[..colon], top);
    }
}
