namespace EcgXai.Tests.CommandLine;

/// <summary>
/// The bad-input table: for every verb a good command line on <see cref="VerbInputs"/> (run as the
/// <see cref="BadInput.PathWithSpaces"/> case) and the damages that apply to it, each derived from the good line by
/// swapping one input for a missing, garbage or unfitting one, or by adding an unknown class or layer.
/// </summary>
public static class VerbCaseTable
{
    private static readonly Damage MissingModel = Swap(BadInput.Missing, "{model}", "{missing}", "{missing}");
    private static readonly Damage MissingData = Swap(BadInput.Missing, "{ptbxl}", "{missing}", "{missing}");
    private static readonly Damage MissingRecord = Swap(BadInput.Missing, "{record}", "{missing}", "{missing}");
    private static readonly Damage GarbageModel = Swap(BadInput.WrongFormat, "{model}", "{garbage-model}", "{garbage-model}");
    private static readonly Damage GarbageData = Swap(BadInput.WrongFormat, "{ptbxl}", "{garbage-data}", "{garbage-data}");
    private static readonly Damage GarbageRecord = Swap(BadInput.WrongFormat, "{record}", "{garbage-record}", "{garbage-record}");
    private static readonly Damage GarbageMat = Swap(BadInput.WrongFormat, "{record}", "{garbage-mat}", "{garbage-mat}");
    private static readonly Damage SingleLeadData = Swap(BadInput.DoesNotFit, "ptbxl:{ptbxl}", "cinc2017:{single-lead}", "{single-lead}", "leads");
    private static readonly Damage SingleLeadRecord = Swap(BadInput.DoesNotFit, "{record}", "{single-lead-record}", "{single-lead-record}", "lead");
    private static readonly Damage SecondDataSetSingleLead = Append(BadInput.DoesNotFit, "--data", "cinc2017:{single-lead}", "{single-lead}", "leads");
    // An unknown class or layer of the model names the model file besides the class or layer.
    private static readonly Damage ExtraUnknownTarget = Append(BadInput.UnknownTarget, "--target", "XYZ", "XYZ", "{model}");
    private static readonly Damage UnknownTarget = Swap(BadInput.UnknownTarget, "AF", "XYZ", "XYZ", "{model}");
    private static readonly Damage UnknownLayer = Swap(BadInput.UnknownLayer, "blocks.2.out", "blocks.9.out", "blocks.9.out", "{model}");
    private static readonly Damage LeadsTheDataLack = Swap(BadInput.DoesNotFit, "{model}", "{vx-model}", "VX");

    /// <summary>Every case, good and bad, of every verb.</summary>
    public static IReadOnlyList<VerbCase> All { get; } = Build().ToArray();

    /// <summary>The names of the cases of <paramref name="good"/> (true: the paths-with-spaces runs) or of the refusals.</summary>
    public static TheoryData<string> Names(bool good)
    {
        var data = new TheoryData<string>();
        foreach (VerbCase c in All.Where(c => c.Kind == BadInput.PathWithSpaces == good))
        {
            data.Add(c.Name);
        }
        return data;
    }

    /// <summary>The case named <paramref name="name"/>.</summary>
    public static VerbCase Get(string name) => All.Single(c => c.Name == name);

    private static IEnumerable<VerbCase> Build()
    {
        // On the CPU, with the tensor cache in the case's own folder (so that a refusal writing to it is seen).
        string[] fast = ["--device", "cpu", "--cache", "{cache}"];
        return
        [
            .. Verb("srg", ["srg", "--model", "{model}", "--data", "ptbxl:{ptbxl}", "--out", "{run}", "--records", "4", "--steps", "2", "--bootstrap", "10",
                    "--variants", "epsilon_plus_flat/gradient", "--layers", "blocks.2.out", .. fast], ["explain/srg/best.json"],
                MissingModel, MissingData, GarbageModel, GarbageData, ExtraUnknownTarget,
                UnknownLayer, SingleLeadData, LeadsTheDataLack),
            .. Verb("prune", ["prune", "--model", "{model}", "--rank-data", "ptbxl:{ptbxl}@val", "--data", "ptbxl:{ptbxl}@test", "--target", "AF", "--out", "{run}",
                    "--keep", "1,all", "--random-draws", "1", "--bootstrap", "10", .. fast], ["explain/prune/pruning.csv"],
                MissingModel, MissingData, GarbageModel, GarbageData, UnknownTarget,
                Swap(BadInput.DoesNotFit, "ptbxl:{ptbxl}@test", "cinc2017:{single-lead}", "{single-lead}", "leads"), LeadsTheDataLack),
            .. Verb("concepts", ["concepts", "--model", "{model}", "--data", "ptbxl:{ptbxl}", "--target", "AF", "--out", "{run}", "--layers", "blocks.2.out",
                    "--top-k", "2", "--replicates", "2", "--top-concepts", "2", "--reference-count", "2", .. fast], ["explain/concepts/statistics.csv"],
                MissingModel, MissingData, GarbageModel, GarbageData, UnknownTarget,
                UnknownLayer, SingleLeadData, SecondDataSetSingleLead, LeadsTheDataLack),
            .. Verb("groundtruth", ["groundtruth", "--model", "{evidence-model}", "--data", "ptbxl:{evidence}", "--out", "{run}", "--records", "2",
                    "--variants", "epsilon_plus_flat/gradient", "--top-concepts", "1", .. fast], ["explain/groundtruth/scores.csv"],
                Swap(BadInput.Missing, "{evidence-model}", "{missing}", "{missing}"), Swap(BadInput.Missing, "{evidence}", "{missing}", "{missing}"),
                Swap(BadInput.WrongFormat, "{evidence-model}", "{garbage-model}", "{garbage-model}"), Swap(BadInput.WrongFormat, "{evidence}", "{garbage-data}", "{garbage-data}"),
                Swap(BadInput.UnknownTarget, "{evidence-model}", "{model}", "{model}", "planted-evidence"),
                Swap(BadInput.DoesNotFit, "ptbxl:{evidence}", "cinc2017:{single-lead}", "{single-lead}", "planted-evidence")),
            .. Verb("evaluate", ["evaluate", "--model", "{model}", "--data", "ptbxl:{ptbxl}@test", "--out", "{run}", "--bootstrap", "10", .. fast], ["eval/metrics.csv"],
                MissingModel, MissingData, GarbageModel, GarbageData, ExtraUnknownTarget,
                Swap(BadInput.DoesNotFit, "ptbxl:{ptbxl}@test", "cinc2017:{single-lead}", "{single-lead}", "leads"), SecondDataSetSingleLead, LeadsTheDataLack),
            .. Verb("evaluate into the model's folder", ["evaluate", "--model", "{model}", "--data", "ptbxl:{ptbxl}@test", "--bootstrap", "10", .. fast], null,
                GarbageData, ExtraUnknownTarget,
                Swap(BadInput.DoesNotFit, "ptbxl:{ptbxl}@test", "cinc2017:{single-lead}", "{single-lead}", "leads"), LeadsTheDataLack),
            .. Verb("train", ["train", "--data", "ptbxl:{ptbxl}", "--out", "{run}", "--filters", "4,4,4,4,4", "--epochs", "1", "--batch", "8", .. fast], ["models/best.safetensors"],
                MissingData, GarbageData, Append(BadInput.UnknownTarget, "--select", "XYZ"), SingleLeadData, SecondDataSetSingleLead,
                Append(BadInput.DoesNotFit, "--leads", "I,II,VX", "VX")),
            .. Verb("distill", ["distill", "--teacher", "{model}", "--data", "ptbxl:{ptbxl}", "--out", "{run}", "--filters", "4,4,4,4,4", "--epochs", "1", "--batch", "8", .. fast],
                ["models/best.safetensors"],
                MissingModel, MissingData, GarbageModel, GarbageData, Append(BadInput.UnknownTarget, "--select", "XYZ"), SingleLeadData, SecondDataSetSingleLead, LeadsTheDataLack),
            .. Verb("explain --record", ["explain", "--model", "{model}", "--record", "{record}", "--out", "{run}", "--concepts", "blocks.2.out:2", .. fast], ["index.html"],
                MissingModel, MissingRecord, GarbageModel, GarbageRecord, GarbageMat, ExtraUnknownTarget,
                Swap(BadInput.UnknownLayer, "blocks.2.out:2", "blocks.9.out:2", "blocks.9.out", "{model}"), SingleLeadRecord, LeadsTheDataLack),
            .. Verb("explain --data", ["explain", "--model", "{model}", "--data", "ptbxl:{ptbxl}", "--ids", "3", "--out", "{run}", .. fast], ["explanation.json"],
                MissingData, GarbageData, Set(BadInput.UnknownTarget, "--ids", "9999", "9999"),
                Swap(BadInput.DoesNotFit, "ptbxl:{ptbxl}", "cinc2017:{single-lead}", "{single-lead}", "leads")),
            .. Verb("cohort", ["cohort", "--data", "ptbxl:{ptbxl}", "--out", "{run}"], ["data/cohort.csv"], MissingData, GarbageData),
            .. Verb("dump", ["dump", "{record}", "--to", "5"], [], MissingRecord, GarbageRecord),
            .. Verb("plot", ["plot", "{record}", "--out", "{run}/a plot.png"], ["a plot.png"], MissingRecord, GarbageRecord, GarbageMat,
                Swap(BadInput.Unwritable, "{run}/a plot.png", "{record}/a plot.png", "{record}")),
            .. Verb("beats", ["beats", "{record}"], [], MissingRecord, GarbageRecord, Append(BadInput.DoesNotFit, "--leads", "VX", "VX")),
            .. Verb("synth", ["synth", "--out", "{run}/synthetic set", "--records", "2"], ["synthetic set/ptbxl_database.csv"],
                Swap(BadInput.Unwritable, "{run}/synthetic set", "{record}/synthetic set", "{record}")),
            .. Verb("rules", ["rules", "--model", "{model}", "--device", "cpu"], [], MissingModel, GarbageModel, Swap(BadInput.WrongFormat, "{model}", "{garbage-onnx}", "{garbage-onnx}")),
            .. Verb("report", ["report", "--run", "{empty-folder}"], null,
                Swap(BadInput.Missing, "{empty-folder}", "{missing}", "{missing}"), Swap(BadInput.WrongFormat, "{empty-folder}", "{empty-folder}", "{empty-folder}"),
                Append(BadInput.WrongFormat, "--notes", "{garbage-json}", "{garbage-json}")),
            .. Verb("merge", ["merge", "--out", "{run}", "{empty-folder}"], null,
                Swap(BadInput.Missing, "{empty-folder}", "{missing}", "{missing}"), Swap(BadInput.WrongFormat, "{empty-folder}", "{empty-folder}", "{empty-folder}"),
                Swap(BadInput.WrongFormat, "{empty-folder}", "{garbage-data}", "{garbage-data}")),
            .. Verb("verify-reference", ["verify-reference", "{garbage-json}"], null, Swap(BadInput.Missing, "{garbage-json}", "{missing}", "{missing}"),
                Swap(BadInput.WrongFormat, "{garbage-json}", "{garbage-json}", "{garbage-json}")),
            .. Verb("bench explain", ["bench", "explain", "--model", "{model}", "--preset", "compact", "--batch", "8", "--repeats", "1"], [],
                MissingModel, GarbageModel, Swap(BadInput.WrongFormat, "{model}", "{garbage-onnx}", "{garbage-onnx}")),
            .. Verb("bench srg", ["bench", "srg", "--preset", "compact", "--records", "2", "--steps", "2", "--repeats", "1", "--layer", "blocks.2.out"], [],
                Swap(BadInput.UnknownLayer, "blocks.2.out", "blocks.9.out", "blocks.9.out")),
            .. Verb("demo", ["demo", "--out", "{run}/demo", "--quick"], null, Swap(BadInput.Unwritable, "{run}/demo", "{record}/demo", "{record}")),
        ];
    }

    /// <summary>
    /// The cases of one verb (named <paramref name="verb"/> in the case names): <paramref name="good"/> itself when <paramref name="written"/> is not null (it must
    /// write those files), and one refusal per damage.
    /// </summary>
    private static IEnumerable<VerbCase> Verb(string verb, string[] good, string[]? written, params Damage[] damages)
    {
        if (written is not null)
        {
            yield return new VerbCase(BadInput.PathWithSpaces, good, written) { Name = $"{verb}: paths with spaces" };
        }
        foreach (Damage damage in damages)
        {
            yield return new VerbCase(damage.Kind, damage.Apply(good), damage.Named) { Name = $"{verb}: {damage.Kind} {damage.Label}" };
        }
    }

    private static Damage Swap(BadInput kind, string from, string to, params string[] named) =>
        new(kind, $"({from} -> {to})", args =>
        {
            return args.Any(a => a.Contains(from, StringComparison.Ordinal))
                ? args.Select(a => a.Replace(from, to, StringComparison.Ordinal)).ToArray()
                : throw new ArgumentException($"'{from}' is not in the command line {string.Join(' ', args)}");
        }, named);

    private static Damage Set(BadInput kind, string option, string value, params string[] named) =>
        new(kind, $"({option} {value})", args =>
        {
            int at = Array.IndexOf(args, option);
            return at >= 0 ? [.. args[..(at + 1)], value, .. args[(at + 2)..]] : throw new ArgumentException($"'{option}' is not in the command line {string.Join(' ', args)}");
        }, named);

    private static Damage Append(BadInput kind, string option, string value, params string[] named) =>
        new(kind, $"({option} {value})", args => [.. args, option, value], named.Length > 0 ? named : [value]);

    /// <summary>One way of damaging a good command line.</summary>
    private sealed record Damage(BadInput Kind, string Label, Func<string[], string[]> Apply, string[] Named);
}
