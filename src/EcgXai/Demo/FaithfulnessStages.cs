using System.Globalization;
using EcgXai.Explain.Faithfulness;
using EcgXai.IO;
using SrgRunner = EcgXai.Explain.Faithfulness.Srg;

namespace EcgXai.Demo;

/// <summary>
/// The demo's faithfulness stages on the distilled student: SRG (<see cref="SrgRunner"/>) on the shift set,
/// and pruning (<see cref="Pruning"/>) ranked on the training set's validation fold with the SRG's best variant, evaluated on its
/// test fold and the shift set. A stage whose last file exists is not rerun; both report what their files record.
/// </summary>
public static class FaithfulnessStages
{
    /// <summary>Positions kept in the summary's pruning figure: the study's 25 of 5,120.</summary>
    public const int SummaryKeep = 25;

    /// <summary>Runs SRG into <c>explain/srg/</c> unless its <c>best.json</c> exists; returns what <c>best.json</c> records.</summary>
    public static DemoSrg Srg(string model, string shiftSpec, string cache, DemoOptions options, string root, IProgress<DemoProgress>? progress, CancellationToken cancellation)
    {
        string best = Path.Combine(root, "explain", "srg", "best.json");
        if (!File.Exists(best))
        {
            var srg = new SrgOptions(model, shiftSpec, root)
            {
                Variants = options.SrgVariants,
                Layers = options.SrgLayers,
                Records = options.SrgRecords,
                Settings = new SrgSettings { Steps = options.SrgSteps, Seed = options.Seed },
                Device = options.Device,
                CacheDirectory = cache,
            };
            var reporter = progress is null ? null : new SynchronousProgress<SrgProgress>(p => progress.Report(new DemoProgress("srg", $"{p.Stage} {p.Completed}/{p.Total}")));
            SrgReport report = SrgRunner.Run(srg, reporter, cancellation);
            foreach (string line in report.FormatTable().Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                progress?.Report(new DemoProgress("srg", line));
            }
        }
        return DemoSrg.Read(best);
    }

    /// <summary>
    /// Runs pruning for AF into <c>explain/prune/</c> unless its <c>summary.json</c> exists, ranking with <paramref name="variant"/>;
    /// returns the AF rows at <see cref="SummaryKeep"/> positions (none when that count was not kept).
    /// </summary>
    public static IReadOnlyList<DemoPruning> Prune(string model, string variant, string trainingSpec, string shiftSpec, string cache, DemoOptions options, string root,
        IProgress<DemoProgress>? progress, CancellationToken cancellation)
    {
        string directory = Path.Combine(root, "explain", "prune");
        if (!File.Exists(Path.Combine(directory, "summary.json")))
        {
            var prune = new PruneOptions(model, trainingSpec + "@val", [trainingSpec + "@test", shiftSpec], "AF", root)
            {
                Keep = options.PruneKeep,
                Variant = variant,
                RandomDraws = options.PruneDraws,
                Seed = options.Seed,
                Device = options.Device,
                CacheDirectory = cache,
            };
            var reporter = progress is null ? null : new SynchronousProgress<PruneProgress>(p => progress.Report(new DemoProgress("prune", $"{p.Stage} {p.Dataset} {p.Completed}/{p.Total}")));
            PruneReport report = Pruning.Run(prune, reporter, cancellation);
            foreach (string line in report.FormatTable().Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                progress?.Report(new DemoProgress("prune", line));
            }
        }
        return DemoPruning.Read(Path.Combine(directory, "pruning.csv"), "AF", SummaryKeep);
    }

    /// <summary>The summary lines of both stages.</summary>
    public static IEnumerable<string> Summary(DemoSrg srg, IReadOnlyList<DemoPruning> pruning)
    {
        yield return string.Create(CultureInfo.InvariantCulture, $"best SRG variant at the input: {srg.Variant} (SRG {srg.InputSrg:0.000}")
            + (srg.Lead is { } lead ? string.Create(CultureInfo.InvariantCulture, $", lead {lead:0.000} over {srg.RunnerUp}, {(srg.LeadHolds ? "holds" : "does not hold")} in a paired bootstrap)") : ")");
        yield return "best SRG variant per place: " + string.Join("; ", srg.BestByPlace.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Place} {p.Variant} ({p.Srg:0.000})")));
        foreach (DemoPruning p in pruning)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"AF AUROC keeping {p.Keep} of {p.Units} classifier-input positions ({p.Dataset}): most relevant {p.Relevant:0.000}, random {p.Random:0.000}, least relevant {p.Least:0.000}, unpruned {p.Unpruned:0.000}");
        }
    }
}
