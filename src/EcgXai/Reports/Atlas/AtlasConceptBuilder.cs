using System.Globalization;
using EcgXai.Signals;

namespace EcgXai.Reports.Atlas;

/// <summary>Collects one concept's values from the table rows that name it, for <see cref="RunFolderReader"/>.</summary>
/// <param name="layer">The concept's layer.</param>
/// <param name="channel">Its channel.</param>
internal sealed class AtlasConceptBuilder(string layer, int channel)
{
    private const string SharePrefix = "share_";
    private readonly List<KeyValuePair<string, string>> attributes = [];
    private readonly List<(string Lead, double Share)> leads = [];
    private readonly List<(string Dataset, int Rank)> datasetRanks = [];
    private int? rank;
    private double? mean, low, high, purity;
    private string purityLabels = "";
    private (string Wave, double Share)[] waves = [];
    private int? field;

    public string Layer => layer;

    public int Channel => channel;

    public int? Rank => rank ?? (datasetRanks.Count > 0 ? datasetRanks[0].Rank : null);

    /// <summary>A reference sample's row: only the width of its receptive field (<c>field_start</c>..<c>field_end</c>, inclusive) counts.</summary>
    public void Reference(string start, string end)
    {
        if (Cells.Of(start) is double s && Cells.Of(end) is double e)
        {
            field = Math.Max(field ?? 0, (int)(e - s) + 1);
        }
    }

    /// <summary>A purity row (one label source): the first source seen gives the card's purity and wave shares.</summary>
    public void Purity(string labels, IReadOnlyList<string> header, IReadOnlyList<string> row)
    {
        if (purity is not null || Cells.Of(Value(header, row, "purity")) is not double p)
        {
            return;
        }
        purity = p;
        purityLabels = labels;
        waves = header.Select((h, i) => (h, i)).Where(c => c.h.StartsWith(SharePrefix, StringComparison.Ordinal) && Cells.Of(Value(row, c.i)) is not null)
            .Select(c => (ConceptCards.WaveName(c.h[SharePrefix.Length..]), Cells.Of(Value(row, c.i))!.Value)).OrderByDescending(w => w.Item2).ToArray();
    }

    /// <summary>One value of a row; <paramref name="dataset"/> is empty for values over all datasets, <paramref name="suffix"/> is appended to the key.</summary>
    public void Set(string column, string dataset, string suffix, string value)
    {
        bool overall = dataset.Length == 0;
        double? number = Cells.Of(value);
        if (column.Equals("rank", StringComparison.OrdinalIgnoreCase) && number is double r)
        {
            if (overall)
            {
                rank ??= (int)r;
                return;
            }
            datasetRanks.Add((dataset, (int)r));
        }
        if (overall && number is double x)
        {
            switch (column.ToLowerInvariant())
            {
                case "mean_relevance" or "normalised_mean" when mean is null:
                    mean = x;
                    return;
                case "normalised_mean_ci_low":
                    low ??= x;
                    break;
                case "normalised_mean_ci_high":
                    high ??= x;
                    break;
            }
            string lead = column.StartsWith("lead_", StringComparison.OrdinalIgnoreCase) ? column[5..] : column;
            if (LeadNames.Standard12.Contains(lead) && leads.All(l => l.Lead != lead))
            {
                leads.Add((lead, x));
                return;
            }
        }
        string key = column + suffix;
        if (attributes.All(a => a.Key != key))
        {
            attributes.Add(new(key, value));
        }
    }

    /// <summary>A long-format per-lead profile row (<c>lead</c>, <c>share</c>).</summary>
    public void Lead(string lead, double share)
    {
        if (leads.All(l => l.Lead != lead))
        {
            leads.Add((lead, share));
        }
    }

    /// <summary>The concept with <paramref name="images"/> on its card.</summary>
    public AtlasConcept Build(IReadOnlyList<AtlasImage> images) => new(layer, channel, Rank, mean, attributes, leads, images)
    {
        MeanInterval = low is double l && high is double h ? (l, h) : null,
        DatasetRanks = datasetRanks,
        Purity = purity,
        PurityLabels = purityLabels,
        WaveShares = waves,
        FieldSamples = field,
    };

    private static string Value(IReadOnlyList<string> header, IReadOnlyList<string> row, string column) =>
        Value(row, header.ToList().FindIndex(h => h.Equals(column, StringComparison.OrdinalIgnoreCase)));

    private static string Value(IReadOnlyList<string> row, int index) => index >= 0 && index < row.Count ? row[index] : "";
}
