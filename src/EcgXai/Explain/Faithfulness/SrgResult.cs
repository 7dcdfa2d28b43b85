using EcgXai.Training.Metrics;
namespace EcgXai.Explain.Faithfulness;

/// <summary>
/// Flipping curves of every variant at every place over the same records, and the statistics drawn from them.
/// </summary>
/// <param name="Places">Place names, "input" first.</param>
/// <param name="Grids">The feature grid of each place.</param>
/// <param name="Variants">The variants compared (LRP first, baselines last).</param>
/// <param name="Curves">Curves by (variant name, place name).</param>
/// <param name="RecordIds">The records analysed, in order.</param>
/// <param name="Targets">The explained class of each record.</param>
/// <param name="Settings">How the flipping ran.</param>
public sealed record SrgResult(
    IReadOnlyList<string> Places,
    IReadOnlyList<FeatureGrid> Grids,
    IReadOnlyList<ExplanationVariant> Variants,
    IReadOnlyDictionary<(string Variant, string Place), FlipCurves> Curves,
    IReadOnlyList<string> RecordIds,
    IReadOnlyList<string> Targets,
    SrgSettings Settings)
{
    /// <summary>One summary per variant and place, variants in order, places in order.</summary>
    public IReadOnlyList<SrgSummary> Summaries() =>
        Variants.SelectMany(v => Places.Select((p, i) =>
        {
            FlipCurves c = Curves[(v.Name, p)];
            return new SrgSummary(v.Name, v.IsBaseline, p, Grids[i].Kind, Grids[i].Count, c.Records,
                Ci(c.SrgPerRecord()), Ci(c.MifAreaPerRecord()), Ci(c.LifAreaPerRecord()));
        })).ToArray();

    /// <summary>
    /// The LRP variant with the highest SRG at <paramref name="place"/> (input by default) and the paired bootstrap of its
    /// lead over the runner-up; null when no LRP variant was compared.
    /// </summary>
    public SrgChoice? Best(string place = GraphPlace.InputName)
    {
        var ranked = Variants.Where(v => !v.IsBaseline)
            .Select(v => (Variant: v, Srg: Curves[(v.Name, place)].SrgPerRecord()))
            .OrderByDescending(x => x.Srg.Average())
            .ToArray();
        if (ranked.Length == 0)
        {
            return null;
        }
        var best = ranked[0];
        if (ranked.Length == 1)
        {
            return new SrgChoice(best.Variant, Ci(best.Srg), null, null);
        }
        var runnerUp = ranked[1];
        return new SrgChoice(best.Variant, Ci(best.Srg), runnerUp.Variant,
            RecordBootstrap.PairedDifference(best.Srg, runnerUp.Srg, Settings.BootstrapResamples, Settings.Seed));
    }

    private ConfidenceInterval Ci(double[] values) => RecordBootstrap.Mean(values, Settings.BootstrapResamples, Settings.Seed);
}
