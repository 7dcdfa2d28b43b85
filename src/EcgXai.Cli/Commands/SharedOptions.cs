using EcgXai.IO;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;
using EcgXai.Datasets;

namespace EcgXai.Cli.Commands;

/// <summary>
/// The one option vocabulary of every verb (<c>--model</c>, <c>--data</c>, <c>--out</c>, <c>--cache</c>,
/// <c>--device</c>, <c>--seed</c>, <c>--batch</c>) and typed options with range checks that run at parse time, before
/// any work (a bad value is a usage error, exit code 2).
/// </summary>
public static partial class SharedOptions
{
    /// <summary>Help text of a dataset spec.</summary>
    public const string SpecHelp = "KIND:PATH with KIND ptbxl, cpsc2018, challenge, cinc2017 or sph";

    /// <summary><c>--model FILE</c>: an EcgXai checkpoint (required).</summary>
    public static Option<string> Model(string description = "checkpoint: EcgXai .safetensors, or a PyTorch .pt/.pth state_dict with NAME.config.json beside it") =>
        new("--model") { Description = description, HelpName = "FILE", Required = true };

    /// <summary><c>--data SPEC</c>, repeatable, one value per occurrence (a path may hold spaces); every spec is parsed at parse time.</summary>
    public static Option<string[]> Data(bool splitAllowed)
    {
        var option = new Option<string[]>("--data")
        {
            Description = (splitAllowed ? SpecHelp + ", optionally @train, @val or @test" : SpecHelp + " (no split: trains on @train, validates on @val)") +
                "; repeat the option for several datasets",
            HelpName = "SPEC",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        option.Validators.Add(result =>
        {
            foreach (string spec in result.GetValueOrDefault<string[]>() ?? [])
            {
                try
                {
                    DatasetSpec parsed = DatasetSpec.Parse(spec);
                    if (!splitAllowed && parsed.Split is not null)
                    {
                        result.AddError($"--data {spec}: give the dataset without a split (training uses @train and validates on @val)");
                    }
                }
                catch (EcgXaiException e)
                {
                    result.AddError("--data " + e.Message);
                }
            }
        });
        return option;
    }

    /// <summary>Throws <see cref="EcgXaiException"/> for the first spec whose folder (or file) does not exist: found before any work.</summary>
    public static IReadOnlyList<string> RequireExisting(IReadOnlyList<string> specs)
    {
        foreach (string spec in specs)
        {
            string path = DatasetSpec.Parse(spec).Path;
            if (!Directory.Exists(path) && !File.Exists(path))
            {
                throw new EcgXaiException(path, $"dataset folder not found (--data {spec})");
            }
        }
        return specs;
    }

    /// <summary>A positional path argument; a value that looks like an option (<c>--x</c>) is refused as one, not taken as a path.</summary>
    public static Argument<string> PathArgument(string name, string description)
    {
        var argument = new Argument<string>(name) { Description = description };
        argument.Validators.Add(result =>
        {
            if (result.Tokens is [{ Value: { } value }] && value.StartsWith("--", StringComparison.Ordinal))
            {
                result.AddError($"Unrecognized command or argument '{value}'");
            }
        });
        return argument;
    }

    /// <summary>The values of a list option, or null when it was not given (System.CommandLine gives an empty array then).</summary>
    public static T[]? NullIfEmpty<T>(T[]? values) => values is { Length: > 0 } ? values : null;

    /// <summary><c>--out DIR</c> (or FILE): where results go.</summary>
    public static Option<string> Out(string description, bool required, string helpName = "DIR") =>
        new("--out") { Description = description, HelpName = helpName, Required = required };

    /// <summary><c>--out DIR</c> with a default folder.</summary>
    public static Option<string> Out(string description, string defaultFolder) =>
        new("--out") { Description = description, HelpName = "DIR", DefaultValueFactory = _ => defaultFolder };

    /// <summary><c>--cache DIR</c>: the tensor cache folder.</summary>
    public static Option<string?> Cache() =>
        new("--cache") { Description = $"tensor cache folder (default ${DatasetPreparer.CacheVariable} or ~/.cache/ecgxai)", HelpName = "DIR" };

    /// <summary><c>--device auto|cpu|cuda|cuda:N</c>.</summary>
    public static Option<string> Device()
    {
        var option = new Option<string>("--device") { Description = "auto, cpu, cuda or cuda:N", HelpName = "DEVICE", DefaultValueFactory = _ => "auto" };
        option.CompletionSources.Add("auto", "cpu", "cuda");
        option.Validators.Add(result =>
        {
            string value = result.GetValueOrDefault<string>() ?? "";
            if (!DeviceName().IsMatch(value))
            {
                result.AddError($"--device must be auto, cpu, cuda or cuda:N, got '{value}'");
            }
        });
        return option;
    }

    /// <summary><c>--seed S</c>, a non-negative integer.</summary>
    public static Option<int> Seed(int defaultValue, string description = "random seed") => Int("--seed", defaultValue, 0, description);

    /// <summary><c>--batch N</c>, at least <paramref name="minimum"/>.</summary>
    public static Option<int> Batch(int defaultValue, string description = "batch size", int minimum = 1) => Int("--batch", defaultValue, minimum, description);

    /// <summary>An integer option with a default and a lower bound checked at parse time.</summary>
    public static Option<int> Int(string name, int defaultValue, int minimum, string description, int maximum = int.MaxValue)
    {
        var option = new Option<int>(name) { Description = description, HelpName = "N", DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            if (!TryGet(result, out int value))
            {
                return;
            }
            if (value < minimum || value > maximum)
            {
                result.AddError(maximum == int.MaxValue
                    ? $"{name} must be at least {minimum}, got {value}"
                    : $"{name} must be between {minimum} and {maximum}, got {value}");
            }
        });
        return option;
    }

    /// <summary>A floating-point option with a default that must be finite and above (or at least) <paramref name="minimum"/>.</summary>
    public static Option<double> Double(string name, double defaultValue, double minimum, string description, bool exclusive = true, double maximum = double.PositiveInfinity)
    {
        var option = new Option<double>(name) { Description = description, HelpName = "X", DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            if (TryGet(result, out double value))
            {
                CheckRange(result, name, value, minimum, exclusive, maximum);
            }
        });
        return option;
    }

    /// <summary>An optional floating-point option (no default) with the same range check as <see cref="Double"/>.</summary>
    public static Option<double?> OptionalDouble(string name, double minimum, string description, bool exclusive = true)
    {
        var option = new Option<double?>(name) { Description = description, HelpName = "X" };
        option.Validators.Add(result =>
        {
            if (TryGet(result, out double? given) && given is { } value)
            {
                CheckRange(result, name, value, minimum, exclusive, double.PositiveInfinity);
            }
        });
        return option;
    }

    /// <summary>A string option restricted to <paramref name="choices"/> (also its tab completions).</summary>
    public static Option<string> Choice(string name, string defaultValue, IReadOnlyList<string> choices, string description)
    {
        var option = new Option<string>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.AcceptOnlyFromAmong([.. choices]);
        return option;
    }

    /// <summary><c>--fill-missing-leads none|zero</c>: whether records lacking some of the model's leads are skipped or get them as zeros.</summary>
    public static Option<string> FillMissingLeads() => Choice("--fill-missing-leads", "none", ["none", "zero"],
        "zero: records lacking some of the model's leads (e.g. single-lead data for a 12-lead model) get them as exact zeros instead of being skipped (a record with none of them is still skipped); recorded in the run folder");

    /// <summary>The handling a <see cref="FillMissingLeads"/> value names.</summary>
    public static MissingLeadHandling MissingLeads(string value) => value == "zero" ? MissingLeadHandling.Zero : MissingLeadHandling.Refuse;

    /// <summary>A comma-separated list option (e.g. <c>--leads I,II,V1</c>), trimmed, empty entries dropped.</summary>
    public static Option<string[]?> CommaList(string name, string helpName, string description) =>
        new(name)
        {
            Description = description,
            HelpName = helpName,
            CustomParser = result => result.Tokens.Count == 0 ? null
                : result.Tokens[^1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        };

    // A value the parser could not convert has its error already; the range check then has nothing to check.
    private static bool TryGet<T>(OptionResult result, out T value)
    {
        try
        {
            value = result.GetValueOrDefault<T>()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            value = default!;
            return false;
        }
    }

    private static void CheckRange(OptionResult result, string name, double value, double minimum, bool exclusive, double maximum)
    {
        bool below = exclusive ? !(value > minimum) : !(value >= minimum);
        if (below || !double.IsFinite(value) || value > maximum)
        {
            string bound = exclusive ? $"greater than {Format(minimum)}" : $"at least {Format(minimum)}";
            result.AddError(double.IsPositiveInfinity(maximum)
                ? $"{name} must be a finite number {bound}, got {Format(value)}"
                : $"{name} must be {bound} and at most {Format(maximum)}, got {Format(value)}");
        }
    }

    private static string Format(double value) => value.ToString("G", CultureInfo.InvariantCulture);

    [GeneratedRegex("^(auto|cpu|cuda(:[0-9]+)?)$")]
    private static partial Regex DeviceName();
}
