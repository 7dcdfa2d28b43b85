using System.Globalization;
using EcgXai.Explain.Lrp;

namespace EcgXai.Cli.Commands;

/// <summary><c>ecgxai verify-reference FIXTURE.json</c>: recomputes a zennit/zennit-crp fixture in float64 and prints the errors.</summary>
public sealed class VerifyReferenceCommand : ICommand
{
    /// <inheritdoc />
    public string Name => "verify-reference";

    /// <inheritdoc />
    public string Summary => "recompute an LRP/CRP reference fixture in float64 and print the relative error of every tensor";

    /// <inheritdoc />
    public string Usage => "ecgxai verify-reference FIXTURE.json   (weights: FIXTURE.safetensors beside it; exit 0 when every error <= 1e-6)";

    /// <inheritdoc />
    public int Run(CommandArgs args, TextWriter stdout, TextWriter stderr)
    {
        args.EnsureAllUsed();
        if (args.Positionals.Count != 1)
        {
            throw new UsageException("name one fixture manifest (NAME.json)");
        }
        ReferenceVerification result = ReferenceVerifier.Verify(args.Positionals[0]);
        foreach (var (tensor, error) in result.Errors)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{tensor}\t{error:E3}"));
        }
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"worst {result.Worst.Key} {result.Worst.Value:E3}"));
        return result.Passed() ? 0 : 1;
    }
}
