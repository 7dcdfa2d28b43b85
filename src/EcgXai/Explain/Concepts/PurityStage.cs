using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using EcgXai.Datasets;
using EcgXai.Explain.Waves;
using EcgXai.IO;
using EcgXai.Reports;
using EcgXai.Synthesis;

namespace EcgXai.Explain.Concepts;

/// <summary>
/// Wave purity of the top concepts (issue 11): over each concept's RelMax references, where its positive conditional
/// relevance lies among the wave classes (<see cref="ConceptPurity"/>) and how consistently its peak sits relative to the
/// R peaks (<see cref="PositionConsistency"/>), once with the generator's ground-truth labels (when the data carry
/// <c>.waves</c> sidecars) and once with the detector's and delineator's labels of the input signal, side by side.
/// Writes <c>purity.csv</c>, <c>purity.json</c> (rows and per-layer means, with the mean absolute purity change between
/// the label sources) and per layer <c>purity-LAYER.png</c> (stacked wave shares per concept).
/// </summary>
public static class PurityStage
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>One reference of a top concept: its layer, channel, rank, and the row of its record in the heatmaps' input.</summary>
    /// <param name="Layer">Layer key.</param>
    /// <param name="Concept">Channel.</param>
    /// <param name="Rank">The concept's rank in the layer.</param>
    /// <param name="Record">Index of the record among the distinct references.</param>
    public sealed record Pick(string Layer, int Concept, int Rank, int Record);

    /// <summary>
    /// Measures the purity of the concepts of <paramref name="picks"/>: <paramref name="heatmaps"/> holds each pick's
    /// conditional heatmap <c>[leads * samples]</c>, <paramref name="signals"/> each distinct record's input signal and
    /// <paramref name="records"/> its (dataset index, record id); <paramref name="specs"/> are the datasets' specs.
    /// Writes the files into <paramref name="directory"/> and returns the rows (ground truth first, per concept).
    /// </summary>
    public static IReadOnlyList<PurityRow> Write(IReadOnlyList<Pick> picks, IReadOnlyList<float[]> heatmaps, IReadOnlyList<float[]> signals,
        IReadOnlyList<(int Dataset, string RecordId)> records, IReadOnlyList<PreparedDataset> datasets, IReadOnlyList<string> specs, string directory)
    {
        PreparedDataset first = datasets[0];
        var truth = specs.Select(s => InputWaves.GroundTruth(s, first.SampleRate, first.Length)).ToArray();
        var delineated = records.Select((r, i) => InputWaves.Delineate(signals[i], first.LeadNames, first.SampleRate, r.RecordId)).ToArray();
        var rows = new List<PurityRow>();
        foreach (var concept in picks.Select((p, i) => (p, i)).GroupBy(x => (x.p.Layer, x.p.Concept, x.p.Rank)))
        {
            foreach (string source in new[] { PurityRow.GroundTruth, PurityRow.Delineated })
            {
                var purity = new ConceptPurity(first.LeadCount);
                var peaks = new List<int>();
                var beats = new List<IReadOnlyList<int>>();
                foreach (var (pick, i) in concept)
                {
                    (int dataset, string id) = records[pick.Record];
                    WaveAnnotation? waves = source == PurityRow.Delineated ? delineated[pick.Record] : truth[dataset].GetValueOrDefault(id);
                    if (waves is null)
                    {
                        continue;
                    }
                    purity.Add(heatmaps[i], waves.Labels);
                    peaks.Add(PositionConsistency.PeakSample(heatmaps[i], first.LeadCount));
                    beats.Add(waves.BeatSamples);
                }
                if (purity.References > 0)
                {
                    rows.Add(new PurityRow(concept.Key.Layer, concept.Key.Concept, concept.Key.Rank, source, purity.References, purity.Purity, purity.WaveShare,
                        PositionConsistency.Measure(peaks, beats, first.SampleRate)));
                }
            }
        }
        AtomicFile.WriteText(Path.Combine(directory, "purity.csv"), Csv(rows));
        AtomicFile.WriteText(Path.Combine(directory, "purity.json"), JsonSerializer.Serialize(new { rows, layers = Layers(rows) }, Json));
        foreach (IGrouping<string, PurityRow> layer in rows.GroupBy(r => r.Layer))
        {
            AtomicFile.WriteBytes(Path.Combine(directory, $"purity-{layer.Key}.png"), PurityPlot.RenderPng(layer.ToList()));
        }
        return rows;
    }

    /// <summary>Per layer: mean purity under each label source and the mean absolute change between them over concepts that have both.</summary>
    public static IReadOnlyList<PurityLayerSummary> Layers(IReadOnlyList<PurityRow> rows) => rows.GroupBy(r => r.Layer).Select(g =>
    {
        double Mean(string source) => g.Where(r => r.Labels == source && !double.IsNaN(r.Purity)).Select(r => r.Purity).DefaultIfEmpty(double.NaN).Average();
        var pairs = g.GroupBy(r => r.Concept).Select(c => (Truth: c.FirstOrDefault(r => r.Labels == PurityRow.GroundTruth), Found: c.FirstOrDefault(r => r.Labels == PurityRow.Delineated)))
            .Where(p => p.Truth is not null && p.Found is not null && !double.IsNaN(p.Truth.Purity) && !double.IsNaN(p.Found.Purity)).ToArray();
        return new PurityLayerSummary(g.Key, g.Select(r => r.Concept).Distinct().Count(), Mean(PurityRow.GroundTruth), Mean(PurityRow.Delineated),
            pairs.Length > 0 ? pairs.Average(p => Math.Abs(p.Truth!.Purity - p.Found!.Purity)) : double.NaN);
    }).ToArray();

    private static string Csv(IReadOnlyList<PurityRow> rows)
    {
        WaveLabel[] waves = Enum.GetValues<WaveLabel>();
        var csv = new StringBuilder("layer,concept,rank,labels,references,purity," + string.Join(",", waves.Select(w => "share_" + w.ToString().ToLowerInvariant()))
            + ",peak_offset_ms_mean,peak_offset_ms_sd,peak_phase_mean,peak_phase_spread\n");
        foreach (PurityRow r in rows)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{r.Layer},{r.Concept},{r.Rank},{r.Labels},{r.References},{r.Purity:R},");
            csv.Append(string.Join(",", waves.Select(w => r.WaveShare.TryGetValue(w, out double s) ? s.ToString("R", CultureInfo.InvariantCulture) : "")));
            csv.Append(CultureInfo.InvariantCulture, $",{r.Position.MeanOffsetMs:R},{r.Position.OffsetSpreadMs:R},{r.Position.MeanPhase:R},{r.Position.PhaseSpread:R}\n");
        }
        return csv.ToString();
    }
}
