using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcgXai.IO;
using EcgXai.Reports;
using EcgXai.Training.Metrics;

namespace EcgXai.Explain.Faithfulness;

/// <summary>
/// Writes an <see cref="SrgReport"/>: <c>srg.csv</c> (SRG and both areas with 95 % CIs per variant and place),
/// <c>curves.csv</c> (mean MIF/LIF probability per step), <c>records.csv</c> (per-record SRG), one <c>curves-PLACE.png</c>
/// per place, and <c>best.json</c>: the chosen LRP variant (composite, bn2 policy, parameters), its input SRG, the
/// runner-up and the paired-bootstrap lead, and the best variant at every place.
/// </summary>
public static class SrgWriter
{
    /// <summary>Writes every file into <see cref="SrgReport.OutputDirectory"/>, atomically.</summary>
    public static void Write(SrgReport report)
    {
        string dir = report.OutputDirectory;
        Directory.CreateDirectory(dir);
        SrgResult result = report.Result;
        var table = new StringBuilder("variant,baseline,place,features,feature_kind,records,srg,srg_low,srg_high,mif_area,mif_low,mif_high,lif_area,lif_low,lif_high\n");
        foreach (SrgSummary s in report.Summaries)
        {
            table.Append(CultureInfo.InvariantCulture, $"{s.Variant},{(s.IsBaseline ? 1 : 0)},{s.Place},{s.Features},{s.FeatureKind},{s.Records},{Ci(s.Srg)},{Ci(s.MifArea)},{Ci(s.LifArea)}\n");
        }
        AtomicFile.WriteText(Path.Combine(dir, "srg.csv"), table.ToString());

        var curves = new StringBuilder("variant,place,step,flipped_share,p_mif,p_lif\n");
        var records = new StringBuilder("variant,place,record_id,target,srg\n");
        foreach (ExplanationVariant v in result.Variants)
        {
            foreach (string place in result.Places)
            {
                FlipCurves c = result.Curves[(v.Name, place)];
                double[] mif = c.MeanMif(), lif = c.MeanLif();
                for (int k = 0; k < c.Steps; k++)
                {
                    curves.Append(CultureInfo.InvariantCulture, $"{v.Name},{place},{k + 1},{N((k + 1.0) / c.Steps)},{N(mif[k])},{N(lif[k])}\n");
                }
                double[] srg = c.SrgPerRecord();
                for (int r = 0; r < srg.Length; r++)
                {
                    records.Append(CultureInfo.InvariantCulture, $"{v.Name},{place},{Csv(result.RecordIds[r])},{result.Targets[r]},{N(srg[r])}\n");
                }
            }
        }
        AtomicFile.WriteText(Path.Combine(dir, "curves.csv"), curves.ToString());
        AtomicFile.WriteText(Path.Combine(dir, "records.csv"), records.ToString());

        foreach (string place in result.Places)
        {
            var lines = result.Variants.Select(v =>
            {
                FlipCurves c = result.Curves[(v.Name, place)];
                string label = string.Create(CultureInfo.InvariantCulture, $"{v.Name} (SRG {c.SrgPerRecord().Average():F3})");
                return (label, (IReadOnlyList<double>)c.MeanMif(), (IReadOnlyList<double>)c.MeanLif());
            }).ToArray();
            FlipCurvePlot.Write(Path.Combine(dir, $"curves-{place}.png"), $"Flipping at {place}: {report.Options.DataSpec}", lines);
        }
        AtomicFile.WriteText(Path.Combine(dir, "best.json"), Best(report).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    private static JsonObject Best(SrgReport report)
    {
        SrgResult result = report.Result;
        SrgSettings settings = result.Settings;
        SrgChoice? b = report.Best;
        var perPlace = new JsonObject();
        foreach (string place in result.Places)
        {
            SrgSummary? top = report.Summaries.Where(s => s.Place == place && !s.IsBaseline).MaxBy(s => s.Srg.Estimate);
            perPlace[place] = top is null ? null : new JsonObject { ["variant"] = top.Variant, ["srg"] = J(top.Srg.Estimate), ["srg_ci"] = Interval(top.Srg) };
        }
        var parameters = new JsonObject();
        if (b?.Best.Composite == "epsilon_gamma_box" && settings.Box is { } box)
        {
            parameters["box_low"] = box.Low;
            parameters["box_high"] = box.High;
        }
        return new JsonObject
        {
            ["variant"] = b?.Best.Name,
            ["composite"] = b?.Best.Composite,
            ["bn2"] = b?.Best.Bn2.ToString().ToLowerInvariant(),
            ["parameters"] = parameters,
            ["input_srg"] = b is null ? null : J(b.BestSrg.Estimate),
            ["input_srg_ci"] = b is null ? null : Interval(b.BestSrg),
            ["runner_up"] = b?.RunnerUp?.Name,
            ["lead"] = b?.Lead is { } lead ? J(lead.Estimate) : null,
            ["lead_ci"] = b?.Lead is { } l ? Interval(l) : null,
            ["lead_holds"] = b?.LeadHolds,
            ["best_by_place"] = perPlace,
            ["model"] = report.Options.ModelPath,
            ["data"] = report.Options.DataSpec,
            ["records"] = result.RecordIds.Count,
            ["steps"] = settings.Steps,
            ["input_baseline"] = settings.Baseline.ToString().ToLowerInvariant(),
            ["segment_seconds"] = settings.SegmentSeconds,
            ["bootstrap_resamples"] = settings.BootstrapResamples,
            ["seed"] = settings.Seed,
        };
    }

    private static JsonArray Interval(ConfidenceInterval ci) => new(J(ci.Lower), J(ci.Upper));

    private static JsonNode? J(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;

    private static string Ci(ConfidenceInterval ci) => $"{N(ci.Estimate)},{N(ci.Lower)},{N(ci.Upper)}";

    private static string N(double value) => CsvText.Number(value);

    private static string Csv(string text) => CsvText.Field(text);
}
