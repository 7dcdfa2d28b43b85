using System.Globalization;
using System.Text;
using EcgXai.Datasets;
using EcgXai.Explain.Graph;
using EcgXai.IO;
using static TorchSharp.torch;

namespace EcgXai.Explain.Concepts;

/// <summary>
/// The stage after the (merged) pass: for the top concepts of every layer (rank over all datasets), the conditional
/// heatmaps (CRP, condition = concept and target) and concept-start heatmaps (relevance started at the concept's
/// activation at its peak, zennit-crp's RelMax visualisation; tensor name suffix <c>/start</c>) of their top RelMax "sum"
/// references, batched so the references of many concepts share forwards, each cropped to the receptive field of the
/// concept's peak, with the reference sample (the record's input signal cropped alike; suffix <c>/sample</c>)
/// (<c>reference_heatmaps.safetensors</c>, indexed by <c>reference_heatmaps.csv</c>), and per concept its per-lead
/// relevance profile: the share of its positive conditional relevance in each lead, averaged over its references with
/// positive relevance (<c>lead_profiles.csv</c>; a concept without any is left out; its <c>rule</c> column says which
/// heatmaps gave it, see <see cref="LeadProfileExplainer"/>: under a first-layer rule that ignores the input, such as
/// EpsilonPlusFlat's Flat, every lead would get the same share), and, when asked for, their
/// attribution graph over the same references (<see cref="AttributionGraphStage"/>) and their wave purity from the same
/// heatmaps (<see cref="PurityStage"/>).
/// </summary>
public static class ReferenceStage
{
    /// <summary>Computes and writes the references, profiles, attribution graph and purity of <paramref name="summary"/> into <paramref name="directory"/>; returns the purity rows (null when not asked for).</summary>
    public static IReadOnlyList<PurityRow>? Write(ConceptSummary summary, ConceptOptions options, ConceptExplainer explainer, IReadOnlyList<PreparedDataset> datasets, int target,
        string directory, IProgress<ConceptProgress>? progress, CancellationToken cancellation)
    {
        var picks = new List<(ConceptLayer Layer, int Concept, int ConceptRank, int Rank, ReferenceEntry Entry)>();
        foreach (ConceptLayer layer in summary.Settings.Layers.Where(l => !l.Positions))
        {
            foreach (var (row, conceptRank) in summary.Ranking(layer.Key).Take(options.TopConcepts).Select((r, i) => (r, i + 1)))
            {
                var entries = summary.Merged.Layers[layer.Key].References[ReferenceKind.RelevanceSum][row.Concept].Entries.Take(options.ReferenceCount);
                picks.AddRange(entries.Select((e, rank) => (layer, row.Concept, conceptRank, rank + 1, e)));
            }
        }
        var records = picks.Select(p => (p.Entry.Dataset, p.Entry.RecordId)).Distinct().ToList();
        var datasetIndex = datasets.Select((d, i) => (d.Name, i)).ToDictionary(p => p.Name, p => p.i);
        PreparedDataset first = datasets[0];
        var signals = new float[records.Count * first.LeadCount * first.Length];
        for (int i = 0; i < records.Count; i++)
        {
            PreparedDataset data = datasets[datasetIndex[records[i].Dataset]];
            int row = data.RecordIds.ToList().IndexOf(records[i].RecordId);
            data.Signal(row).CopyTo(signals.AsSpan(i * data.LeadCount * data.Length, data.LeadCount * data.Length));
        }
        using var scope = NewDisposeScope();
        using ModelGraph graph = explainer.Graph();
        Tensor samples = tensor(signals, [records.Count, first.LeadCount, first.Length]);
        Tensor input = samples.to(explainer.Attributor.ScalarType).to(explainer.Device);
        var requests = picks.Select(p => new ConceptRequest(records.IndexOf((p.Entry.Dataset, p.Entry.RecordId)), p.Layer.Node, p.Concept)).ToArray();
        int steps = options.References ? 2 * requests.Length : requests.Length;
        Tensor all = ConceptHeatmaps.Conditional(explainer.Attributor, input, target, requests, Report(progress, 0, steps), cancellation).to(ScalarType.Float32).cpu();
        Tensor? starts = options.References
            ? ConceptHeatmaps.ConceptStart(explainer.Attributor, input, requests.Select((r, i) => r with { Time = picks[i].Entry.PeakTime }).ToArray(),
                Report(progress, requests.Length, steps), cancellation).to(ScalarType.Float32).cpu()
            : null;
        using var leadExplainer = new LeadProfileExplainer(explainer.Attributor);
        Tensor leadMaps = options.LeadProfiles && leadExplainer.Replaced
            ? ConceptHeatmaps.Conditional(leadExplainer.Attributor, input, target, requests, null, cancellation).to(ScalarType.Float32).cpu()
            : all;
        var index = new StringBuilder("layer,concept,rank,dataset,record,value,peak_time,field_start,field_end,tensor,start_tensor,sample_tensor\n");
        var tensors = new List<KeyValuePair<string, Tensor>>();
        var shares = new Dictionary<(string Layer, int Concept), double[]>();
        for (int i = 0; i < picks.Count; i++)
        {
            var (layer, concept, _, rank, entry) = picks[i];
            ReceptiveField field = ReceptiveField.Of(graph, layer.Node, entry.PeakTime);
            string name = string.Create(CultureInfo.InvariantCulture, $"{layer.Key}/{concept}/{rank}");
            Tensor heatmap = all[i];
            tensors.Add(new(name, heatmap.narrow(1, field.Start, field.Length).contiguous()));
            if (starts is not null)
            {
                tensors.Add(new(name + "/start", starts[i].narrow(1, field.Start, field.Length).contiguous()));
                tensors.Add(new(name + "/sample", samples[requests[i].Record].narrow(1, field.Start, field.Length).contiguous()));
            }
            index.Append(CultureInfo.InvariantCulture, $"{layer.Key},{concept},{rank},{Csv(entry.Dataset)},{Csv(entry.RecordId)},{entry.Value:R},{entry.PeakTime},{field.Start},{field.End},{name},{name}/start,{name}/sample\n");
            double[] perLead = leadMaps[i].clamp_min(0).sum(1).to(ScalarType.Float64).data<double>().ToArray();
            double total = perLead.Sum();
            double[] sum = shares.TryGetValue((layer.Key, concept), out double[]? s) ? s : shares[(layer.Key, concept)] = new double[perLead.Length + 1];
            if (total != 0)
            {
                for (int lead = 0; lead < perLead.Length; lead++)
                {
                    sum[lead] += perLead[lead] / total;
                }
                sum[^1]++;
            }
        }
        if (options.References)
        {
            AtomicFile.WriteText(Path.Combine(directory, "reference_heatmaps.csv"), index.ToString());
            SafeTensors.Write(Path.Combine(directory, "reference_heatmaps.safetensors"), tensors);
        }
        if (options.LeadProfiles)
        {
            var profiles = new StringBuilder("layer,concept,lead,share,references,rule\n");
            foreach (((string layer, int concept), double[] sum) in shares.Where(p => p.Value[^1] > 0))
            {
                for (int lead = 0; lead < sum.Length - 1; lead++)
                {
                    profiles.Append(CultureInfo.InvariantCulture, $"{layer},{concept},{first.LeadNames[lead]},{sum[lead] / sum[^1]:R},{sum[^1]},{Csv(leadExplainer.Rule)}\n");
                }
            }
            AtomicFile.WriteText(Path.Combine(directory, "lead_profiles.csv"), profiles.ToString());
        }
        if (options.AttributionGraph)
        {
            var graphPicks = picks.Select((p, i) => new AttributionGraphStage.Pick(p.Layer, p.Concept, p.ConceptRank, requests[i].Record)).ToArray();
            AttributionGraphStage.Write(explainer.Attributor, input, target, options.Target, summary.Settings.Layers, graphPicks, options.GraphWidth, directory,
                progress is null ? null : new SynchronousProgress<int>(d => progress.Report(new ConceptProgress("attribution graph", d, picks.Count))), cancellation);
        }
        if (!options.Purity)
        {
            return null;
        }
        var purityPicks = picks.Select(p => new PurityStage.Pick(p.Layer.Key, p.Concept, p.ConceptRank, records.IndexOf((p.Entry.Dataset, p.Entry.RecordId)))).ToArray();
        int size = first.LeadCount * first.Length;
        var recordSignals = records.Select((_, i) => signals.AsSpan(i * size, size).ToArray()).ToArray();
        var heatmapValues = Enumerable.Range(0, picks.Count).Select(i => all[i].data<float>().ToArray()).ToArray();
        return PurityStage.Write(purityPicks, heatmapValues, recordSignals, records.Select(r => (datasetIndex[r.Dataset], r.RecordId)).ToArray(), datasets, options.Data, directory);
    }

    private static SynchronousProgress<int>? Report(IProgress<ConceptProgress>? progress, int offset, int total) =>
        progress is null ? null : new SynchronousProgress<int>(done => progress.Report(new ConceptProgress("references", offset + done, total)));

    private static string Csv(string value) => value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
