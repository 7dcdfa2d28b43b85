using System.CommandLine;
using EcgXai.Explain.Attribution;
using EcgXai.Explain.Canonizers;
using EcgXai.Explain.Composites;

namespace EcgXai.Cli.Commands;

/// <summary><c>ecgxai rules</c>: the explained graph, one line per node with the rule the composite gives it and why.</summary>
public sealed class RulesCommand : Verb<RulesOptions>
{
    private static readonly RulesOptions Defaults = new(null);

    private readonly Option<string?> model = new("--model")
    {
        Description = "EcgXai checkpoint (.safetensors, .pt/.pth with NAME.config.json) or an ONNX file (.onnx); default: a fresh model of --preset",
        HelpName = "FILE",
    };

    private readonly Option<string> preset = SharedOptions.Choice("--preset", Defaults.Preset, ["ribeiro", "compact"], "preset of the fresh model when no --model is given");
    private readonly Option<string> composite = SharedOptions.Choice("--composite", Defaults.Composite, NamedComposites.Names, "composite");
    private readonly Option<string> policy = SharedOptions.Choice("--bn2-policy", "gradient", ["gradient", "pass", "epsilon", "fold"], "Ribeiro post-sum bn2 treatment (ResNet checkpoints only)");
    private readonly Option<string> device = SharedOptions.Device();

    /// <summary>Declares the options.</summary>
    public RulesCommand()
        : base("rules", "print the explained graph, one line per node: name, kind, shape, the rule the composite gives it and why",
            "ecgxai rules --model ../shared/fixtures/lrp-graph/xresnet-crp-branch.onnx --composite epsilon_plus_flat")
    {
        foreach (Option option in new Option[] { model, preset, composite, policy, device })
        {
            Use(option);
        }
    }

    /// <inheritdoc />
    protected override RulesOptions Read(ParseResult parse) => new(parse.GetValue(model), parse.GetRequiredValue(preset), parse.GetRequiredValue(composite),
        Policy: Enum.Parse<Bn2Policy>(parse.GetRequiredValue(policy), ignoreCase: true), Device: parse.GetValue(device));

    /// <inheritdoc />
    protected override int Execute(RulesOptions options, VerbContext context)
    {
        IReadOnlyList<NodeRuleLine> lines = RuleTable.Run(options);
        context.Out.WriteLine(RuleTable.Header);
        foreach (NodeRuleLine line in lines)
        {
            context.Out.WriteLine(line);
        }
        return ExitCodes.Success;
    }
}
