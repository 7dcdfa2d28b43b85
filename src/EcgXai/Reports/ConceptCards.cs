using System.Globalization;
using EcgXai.IO;
using static TorchSharp.torch;

namespace EcgXai.Reports;

/// <summary>
/// Renders the concept cards (<see cref="ConceptCard"/>) of a concept analysis folder from the files it already wrote,
/// without recomputing relevance: the reference crops of signal and conditional heatmap
/// (<c>reference_heatmaps.csv</c> and <c>.safetensors</c>; each reference shown in the concept's leading lead by its
/// lead profile, else in the lead holding most of its absolute relevance), the per-lead shares (<c>lead_profiles.csv</c>) and the wave shares and purity
/// (<c>purity.csv</c>; ground-truth labels preferred over delineated ones) when present. Cards go to
/// <c>cards/</c> inside the folder, named <see cref="ConceptCard.FileName"/>; a card newer than the references is kept.
/// </summary>
public static class ConceptCards
{
    /// <summary>Sub-folder of the concept folder holding the cards.</summary>
    public const string FolderName = "cards";

    /// <summary>The index of the reference crops written by the concept analysis.</summary>
    public const string IndexFileName = "reference_heatmaps.csv";

    /// <summary>
    /// Writes the cards of the first <paramref name="perLayer"/> concepts of every layer of
    /// <paramref name="directory"/> (in the order the analysis ranked them) for class <paramref name="target"/> of a
    /// model reading <paramref name="leadNames"/> at <paramref name="sampleRate"/> Hz; returns the cards' paths (none when
    /// the folder holds no reference samples).
    /// </summary>
    public static IReadOnlyList<string> Write(string directory, string target, double sampleRate, IReadOnlyList<string> leadNames, int perLayer)
    {
        string indexPath = Path.Combine(directory, IndexFileName);
        string tensorsPath = Path.ChangeExtension(indexPath, ".safetensors");
        if (!File.Exists(indexPath) || !File.Exists(tensorsPath))
        {
            return [];
        }
        CsvTable index = CsvTable.Read(indexPath);
        if (!index.HasColumn("sample_tensor"))
        {
            return [];
        }
        var concepts = index.Rows.GroupBy(r => (Layer: Field(index, r, "layer"), Channel: Int(index, r, "concept")))
            .GroupBy(g => g.Key.Layer).SelectMany(layer => layer.Take(perLayer)).ToArray();
        var leads = SharesOf(directory, "lead_profiles.csv");
        var purity = PurityOf(directory);
        DateTime since = File.GetLastWriteTimeUtc(tensorsPath);
        var written = new List<string>();
        using var scope = NewDisposeScope();
        Dictionary<string, Tensor>? tensors = null;
        foreach (var concept in concepts)
        {
            string path = Path.Combine(directory, FolderName, ConceptCard.FileName(concept.Key.Layer, concept.Key.Channel));
            written.Add(path);
            if (File.Exists(path) && File.GetLastWriteTimeUtc(path) >= since)
            {
                continue;
            }
            tensors ??= SafeTensors.Read(tensorsPath).Tensors;
            IReadOnlyList<(string, double)> profile = leads.GetValueOrDefault(concept.Key, []);
            var references = concept.Select(r => Reference(index, r, tensors, sampleRate, leadNames, profile)).ToArray();
            var (purityValue, waves) = purity.GetValueOrDefault(concept.Key, (null, []));
            ConceptCard.Save(path, new ConceptCardData(concept.Key.Layer, concept.Key.Channel, target, references)
            {
                LeadShares = profile,
                WaveShares = waves,
                Purity = purityValue,
            }, pixelsPerUnit: 2);
        }
        return written;
    }

    private static ConceptReference Reference(CsvTable index, IReadOnlyList<string> row, Dictionary<string, Tensor> tensors, double sampleRate, IReadOnlyList<string> leadNames,
        IReadOnlyList<(string Lead, double Share)> profile)
    {
        Tensor heatmap = Named(index, tensors, Field(index, row, "tensor"));
        Tensor sample = Named(index, tensors, Field(index, row, "sample_tensor"));
        int lead = ShownLead(profile, leadNames, heatmap);
        string leadName = lead < leadNames.Count ? leadNames[lead] : $"lead {lead + 1}";
        return new ConceptReference(Field(index, row, "record"), leadName, sample[lead].to(ScalarType.Float32).data<float>().ToArray(),
            heatmap[lead].to(ScalarType.Float32).data<float>().ToArray(), sampleRate, Int(index, row, "field_start"), Number(index, row, "value"));
    }

    private static Tensor Named(CsvTable index, Dictionary<string, Tensor> tensors, string name) =>
        tensors.TryGetValue(name, out Tensor? t) ? t : throw new EcgXaiException(index.Path, $"names tensor '{name}', which the .safetensors file beside it does not hold");

    /// <summary>
    /// The lead a reference is drawn in: the concept's largest lead-profile share when the profile names one of the
    /// model's leads (so all its references show the same lead), else the lead holding most of the reference's absolute relevance.
    /// </summary>
    internal static int ShownLead(IReadOnlyList<(string Lead, double Share)> profile, IReadOnlyList<string> leadNames, Tensor heatmap)
    {
        int preferred = profile.Count == 0 ? -1 : leadNames.ToList().IndexOf(profile.MaxBy(p => p.Share).Lead);
        return preferred >= 0 ? preferred : (int)heatmap.abs().sum(1).argmax().item<long>();
    }

    private static Dictionary<(string Layer, int Channel), IReadOnlyList<(string, double)>> SharesOf(string directory, string file)
    {
        string path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            return [];
        }
        CsvTable table = CsvTable.Read(path);
        return table.Rows.GroupBy(r => (Field(table, r, "layer"), Int(table, r, "concept")))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<(string, double)>)g.Select(r => (Field(table, r, "lead"), Number(table, r, "share"))).ToArray());
    }

    private static Dictionary<(string Layer, int Channel), (double? Purity, IReadOnlyList<(string, double)> Waves)> PurityOf(string directory)
    {
        string path = Path.Combine(directory, "purity.csv");
        if (!File.Exists(path))
        {
            return [];
        }
        CsvTable table = CsvTable.Read(path);
        var shares = table.Header.Select((h, i) => (Column: i, Wave: h)).Where(h => h.Wave.StartsWith("share_", StringComparison.Ordinal)).ToArray();
        return table.Rows.GroupBy(r => (Field(table, r, "layer"), Int(table, r, "concept")))
            .ToDictionary(g => g.Key, g =>
            {
                IReadOnlyList<string> row = g.OrderBy(r => Field(table, r, "labels") == "groundtruth" ? 0 : 1).First();
                var waves = shares.Where(s => CsvTable.Field(row, s.Column).Length > 0)
                    .Select(s => (WaveName(s.Wave["share_".Length..]), double.Parse(CsvTable.Field(row, s.Column), CultureInfo.InvariantCulture))).ToArray();
                return ((double?)Number(table, row, "purity"), (IReadOnlyList<(string, double)>)waves);
            });
    }

    /// <summary>The display name of a wave class written as a <c>share_</c> column suffix (<c>qrs</c> → QRS, <c>fwave</c> → f-wave).</summary>
    public static string WaveName(string column) => column switch
    {
        "fwave" => "f-wave",
        "baseline" => "baseline",
        _ => column.ToUpperInvariant(),
    };

    private static string Field(CsvTable table, IReadOnlyList<string> row, string column) => CsvTable.Field(row, table.Column(column));

    private static int Int(CsvTable table, IReadOnlyList<string> row, string column) =>
        int.TryParse(Field(table, row, column), NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : throw new EcgXaiException(table.Path, $"column '{column}' holds '{Field(table, row, column)}', not an integer");

    private static double Number(CsvTable table, IReadOnlyList<string> row, string column) =>
        double.TryParse(Field(table, row, column), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : throw new EcgXaiException(table.Path, $"column '{column}' holds '{Field(table, row, column)}', not a number");
}
