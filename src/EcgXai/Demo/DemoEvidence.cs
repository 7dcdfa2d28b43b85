using System.Globalization;
using EcgXai.Explain.Evidence;
using EcgXai.IO;

namespace EcgXai.Demo;

/// <summary>
/// The demo's planted-evidence check as recorded in <c>evidence/explain/groundtruth/scores.csv</c>: how much of each input
/// explanation's positive relevance falls in the planted cue's region, against the region's share of the input (what a
/// random explanation scores).
/// </summary>
/// <param name="Kind">Evidence kind name.</param>
/// <param name="Best">The input row with the highest mass accuracy.</param>
/// <param name="Random">The random explanation's input row.</param>
public sealed record DemoEvidence(string Kind, GroundTruthRow Best, GroundTruthRow Random)
{
    /// <summary>Reads the input rows of <paramref name="path"/> (a <c>scores.csv</c> of <see cref="GroundTruthReport"/>).</summary>
    public static DemoEvidence Read(string path, string kind)
    {
        CsvTable csv = CsvTable.Read(path);
        int variant = csv.Column("variant"), layer = csv.Column("layer"), records = csv.Column("records"), mass = csv.Column("mass_accuracy"), rank = csv.Column("rank_accuracy"),
            pointing = csv.Column("pointing"), share = csv.Column("region_share");
        double Number(IReadOnlyList<string> row, int c) => double.Parse(row[c], NumberStyles.Float, CultureInfo.InvariantCulture);
        GroundTruthRow[] inputs = csv.Rows.Where(r => r[layer] == GroundTruthRow.Input)
            .Select(r => new GroundTruthRow(r[variant], r[layer], null, null, int.Parse(r[records], CultureInfo.InvariantCulture),
                Number(r, mass), Number(r, rank), Number(r, pointing), Number(r, share)))
            .ToArray();
        GroundTruthRow random = inputs.FirstOrDefault(r => r.Variant == "random") ?? throw new EcgXaiException(path, "no input row of the random explanation");
        GroundTruthRow best = inputs.Where(r => r.Variant != "random").MaxBy(r => r.MassAccuracy) ?? throw new EcgXaiException(path, "no input row of an explanation variant");
        return new DemoEvidence(kind, best, random);
    }

    /// <summary>The summary line.</summary>
    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"planted evidence ({Kind}, {Best.Records} records): best input explanation {Best.Variant} puts {Best.MassAccuracy:0.000} of its positive relevance in the cue's region "
        + $"(region share {Best.RegionShare:0.000}, random explanation {Random.MassAccuracy:0.000}; pointing game {Best.Pointing:0.000})");
}
