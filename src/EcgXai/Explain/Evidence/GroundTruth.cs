using EcgXai.Datasets;
using EcgXai.Explain.Attribution;
using EcgXai.Explain.Concepts;
using EcgXai.Explain.Crp;
using EcgXai.Explain.Faithfulness;
using EcgXai.IO;
using EcgXai.Models;
using EcgXai.Synthesis.Evidence;
using static TorchSharp.torch;

namespace EcgXai.Explain.Evidence;

/// <summary>
/// <c>ecgxai groundtruth</c>: explanations scored against planted evidence. For the first positive records with a cue,
/// every explanation variant's input heatmap (composites × bn2 policies, gradient × input, random) is scored against the
/// cue's region (<see cref="Waves.EvidenceScore"/>: mass accuracy, rank accuracy, pointing game), and so are the
/// conditional heatmaps of the top concepts of every concept layer (ranked by mean normalised relevance over the same
/// records, explained with the run's SRG choice or EpsilonPlusFlat). Writes <c>explain/groundtruth/scores.csv|json</c>.
/// </summary>
public static class GroundTruth
{
    /// <summary>Loads model, data and regions, scores, writes and returns the report.</summary>
    public static GroundTruthReport Run(GroundTruthOptions options, IProgress<(string Stage, int Done, int Total)>? progress = null, CancellationToken cancellation = default)
    {
        if (options.Records < 1 || options.BatchSize < 1 || options.TopConcepts < 0)
        {
            throw new ArgumentException("records and batch must be positive, top concepts not negative");
        }
        IReadOnlyList<ExplanationVariant> variants = ExplanationVariant.Parse(options.Variants);
        Device device = TorchDevice.Resolve(options.Device);
        var (network, _) = Checkpoint.Load(options.ModelPath, device);
        using (network)
        using (var model = new ExplainedModel(network))
        {
            network.eval();
            ResNet1dConfig config = network.Config;
            (string target, EvidenceKind kind) = TargetOf(options.ModelPath, config.ClassNames);
            int targetIndex = config.ClassNames.ToList().IndexOf(target);
            var regions = InputEvidence.Load(options.DataSpec, config.LeadNames, config.SampleRate, config.InputLength);
            using PreparedDataset data = DatasetPreparer.Prepare(options.DataSpec, config.Preprocessing(), config.ClassNames, options.CacheDirectory);
            int column = data.ClassNames.ToList().IndexOf(target);
            int[] records = Enumerable.Range(0, data.Count)
                .Where(r => data.Label(r, column) > 0.5f && regions.TryGetValue(data.RecordIds[r], out bool[]? region) && region.Contains(true))
                .Take(options.Records).ToArray();
            if (records.Length == 0)
            {
                throw new EcgXaiException(options.DataSpec, $"no {target} record with a planted cue on the model's input grid");
            }
            ExplainerChoice choice = ExplainerChoice.For(new ConceptOptions(options.ModelPath, [options.DataSpec], target, options.OutDirectory) { Composite = options.Composite });
            using var conceptAttributor = Attributor.For(network, choice.Build(), choice.Bn2);
            string[] layers = options.TopConcepts > 0 ? conceptAttributor.ConceptNodes.ToArray() : [];
            var sums = layers.ToDictionary(l => l, l => new double[conceptAttributor.ChannelsOf(l)], StringComparer.Ordinal);
            var inputScores = variants.Select(_ => new EvidenceScores()).ToArray();
            IFlipPlace place = model.Place(GraphPlace.InputName);
            FeatureGrid cells = FeatureGrid.Cells(data.LeadCount, data.Length, 1);
            var sources = variants.Select(v => model.Source(v, InputBox.Over(data, records), options.Seed)).ToArray();
            try
            {
                foreach (var (batch, done) in Batches(records, options.BatchSize))
                {
                    cancellation.ThrowIfCancellationRequested();
                    using var scope = NewDisposeScope();
                    Tensor input = SrgExperiment.Load(data, batch, device, model.ScalarType);
                    int[] targets = Enumerable.Repeat(targetIndex, batch.Length).ToArray();
                    using IFlipSession session = place.Open(input);
                    for (int v = 0; v < variants.Count; v++)
                    {
                        Tensor relevance = sources[v].Relevance(input, targets, [place], [session], [cells])[0];
                        Score(inputScores[v], relevance, batch, data, regions);
                    }
                    if (layers.Length > 0)
                    {
                        using AttributionResult attribution = conceptAttributor.Attribute(input, targets, layers);
                        foreach (string layer in layers)
                        {
                            double[] perChannel = ConceptRelevance.PerChannel(attribution.Relevance[layer], normalise: true).sum(dim: 0).to(ScalarType.Float64).cpu().data<double>().ToArray();
                            for (int c = 0; c < perChannel.Length; c++)
                            {
                                sums[layer][c] += perChannel[c];
                            }
                        }
                    }
                    progress?.Report(("input heatmaps", done, records.Length));
                }
            }
            finally
            {
                foreach (IRelevanceSource s in sources)
                {
                    s.Dispose();
                }
            }
            var rows = variants.Select((v, i) => inputScores[i].Row(v.Name, GroundTruthRow.Input, null, null)).ToList();
            var top = layers.SelectMany(l => sums[l].Select((s, c) => (s, c)).OrderByDescending(p => p.s).ThenBy(p => p.c).Take(options.TopConcepts)
                .Select((p, rank) => (Layer: l, Concept: p.c, Rank: rank + 1))).ToArray();
            var conceptScores = top.Select(_ => new EvidenceScores()).ToArray();
            foreach (var (batch, done) in top.Length > 0 ? Batches(records, options.BatchSize) : [])
            {
                cancellation.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                Tensor input = SrgExperiment.Load(data, batch, device, model.ScalarType);
                var requests = top.SelectMany(t => batch.Select((_, r) => new ConceptRequest(r, t.Layer, t.Concept))).ToArray();
                Tensor heatmaps = ConceptHeatmaps.Conditional(conceptAttributor, input, targetIndex, requests).reshape(top.Length, batch.Length, -1);
                for (int i = 0; i < top.Length; i++)
                {
                    Score(conceptScores[i], heatmaps[i], batch, data, regions);
                }
                progress?.Report(("concept heatmaps", done, records.Length));
            }
            string conceptVariant = new ExplanationVariant(VariantKind.Lrp, choice.Composite, choice.Bn2).Name;
            rows.AddRange(top.Select((t, i) => conceptScores[i].Row(conceptVariant, t.Layer, t.Concept, t.Rank)));
            bool proxy = EvidenceKinds.IsProxyRegion(kind);
            string note = proxy
                ? "a proxy: the cue (RR irregularity) has no local region; the region is the R-peak windows (±50 ms) of the beats whose timing was changed, in every lead"
                : "the samples and leads where the cue was planted";
            var report = new GroundTruthReport(EvidenceKinds.Name(kind), target, proxy, note, top.Length > 0 ? conceptVariant : null, rows,
                Path.Combine(Path.GetFullPath(options.OutDirectory), "explain", "groundtruth"));
            report.Write();
            return report;
        }
    }

    /// <summary>The model output named after an evidence kind and that kind; throws naming the model when there is none.</summary>
    private static (string Target, EvidenceKind Kind) TargetOf(string modelPath, IReadOnlyList<string> classes)
    {
        foreach (EvidenceKind kind in Enum.GetValues<EvidenceKind>())
        {
            if (classes.Contains(EvidenceKinds.Label(kind)))
            {
                return (EvidenceKinds.Label(kind), kind);
            }
        }
        throw new EcgXaiException(modelPath, $"the model has no planted-evidence output (EVIDENCE_…; it has {string.Join(", ", classes)}): train it on an ecgxai synth --evidence data set");
    }

    private static IEnumerable<(int[] Batch, int Done)> Batches(int[] records, int size)
    {
        int done = 0;
        foreach (int[] batch in records.Chunk(size))
        {
            done += batch.Length;
            yield return (batch, done);
        }
    }

    /// <summary>Adds the scores of <paramref name="relevance"/> <c>(records, cells…)</c> of the records <paramref name="batch"/>.</summary>
    private static void Score(EvidenceScores scores, Tensor relevance, int[] batch, PreparedDataset data, IReadOnlyDictionary<string, bool[]> regions)
    {
        float[] values = relevance.reshape(batch.Length, -1).to(ScalarType.Float32).cpu().data<float>().ToArray();
        int cells = values.Length / batch.Length;
        for (int r = 0; r < batch.Length; r++)
        {
            scores.Add(values.AsSpan(r * cells, cells), regions[data.RecordIds[batch[r]]]);
        }
    }
}
