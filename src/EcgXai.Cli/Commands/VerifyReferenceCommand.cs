using System.CommandLine;
using System.Globalization;
using EcgXai.Explain.Verification;

namespace EcgXai.Cli.Commands;

/// <summary><c>ecgxai verify-reference FIXTURE.json</c>: recomputes a zennit/zennit-crp fixture in float64 and prints the errors; exit 3 on a mismatch.</summary>
public sealed class VerifyReferenceCommand : Verb<string>
{
    private readonly Argument<string> fixture;

    /// <summary>Declares the argument.</summary>
    public VerifyReferenceCommand()
        : base("verify-reference",
            $"recompute an LRP/CRP reference fixture in float64 and print the relative error of every tensor (exit 0 when all <= {ReferenceVerification.DefaultTolerance:G}, 3 otherwise)",
            "ecgxai verify-reference ../shared/fixtures/lrp-reference/epsilon-plus-flat.json")
    {
        fixture = Use(SharedOptions.PathArgument("FIXTURE", "fixture manifest NAME.json (weights: NAME.safetensors beside it; a graph fixture names its ONNX model in model.onnx)"));
    }

    /// <inheritdoc />
    protected override string Read(ParseResult parse) => parse.GetRequiredValue(fixture);

    /// <inheritdoc />
    protected override int Execute(string options, VerbContext context)
    {
        ReferenceVerification result = ReferenceVerifier.Verify(options);
        foreach (var (tensor, error) in result.Errors)
        {
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{tensor}\t{error:E3}"));
        }
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"worst {result.Worst.Key} {result.Worst.Value:E3}"));
        return result.Passed() ? ExitCodes.Success : ExitCodes.Mismatch;
    }
}
