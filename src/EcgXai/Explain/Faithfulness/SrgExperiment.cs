using EcgXai.Datasets;
using static TorchSharp.torch;

namespace EcgXai.Explain.Faithfulness;

/// <summary>
/// SRG of explanation variants at the input and at layers over records of a dataset: per batch, each place is opened
/// once (one forward), each variant's relevance is computed once, and each step flips both orders of every record in one
/// restarted forward. Input features are (lead, segment) cells flipped to the chosen baseline; at the classifier input a
/// feature is a (channel, time) position, at other layers a channel; flipped layer elements take their mean activation
/// over the records analysed.
/// </summary>
public static class SrgExperiment
{
    /// <summary>
    /// Runs the variants on records <paramref name="records"/> of <paramref name="data"/>, explaining class
    /// <paramref name="target"/>, or each record's highest-scoring class when null, at the input and at <paramref name="layers"/>.
    /// </summary>
    public static SrgResult Run(ExplainedModel model, PreparedDataset data, IReadOnlyList<int> records, int? target,
        IReadOnlyList<ExplanationVariant> variants, IReadOnlyList<string> layers, SrgSettings settings, Device device, IProgress<SrgProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        settings.Validate();
        if (records.Count == 0)
        {
            throw new ArgumentException($"no records of {data.Name} to flip");
        }
        if (target is { } t && (t < 0 || t >= model.ClassNames.Count))
        {
            throw new ArgumentException($"target {t} is outside the model's {model.ClassNames.Count} classes");
        }
        string[] names = [GraphPlace.InputName, .. layers.Where(l => l != GraphPlace.InputName).Distinct()];
        IFlipPlace[] places = names.Select(model.Place).ToArray();
        int segment = Math.Max(1, (int)Math.Round(settings.SegmentSeconds * data.SampleRate));
        FeatureGrid[] grids = places.Select(p => p.Name == GraphPlace.InputName ? FeatureGrid.Cells(p.Channels, p.Length, segment)
            : p.Name == model.ClassifierInput ? FeatureGrid.Positions(p.Channels, p.Length)
            : FeatureGrid.ChannelFeatures(p.Channels, p.Length)).ToArray();
        int window = InputBaselines.WindowSamples(settings.LowPassSeconds, data.SampleRate);

        var batches = records.Chunk(settings.BatchSize).ToArray();
        Tensor?[] means = MeanActivations(model, places, data, batches, device, progress);
        InputBox box = settings.Box ?? InputBox.Over(data, records);
        var sources = variants.Select(v => model.Source(v, box, settings.Seed)).ToArray();
        var curves = new Dictionary<(string, string), FlipCurves>();
        var targets = new List<string>();
        try
        {
            int done = 0;
            foreach (int[] batch in batches)
            {
                cancellation.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                Tensor input = Load(data, batch, device, model.ScalarType);
                IFlipSession[] sessions = places.Select(p => p.Open(input)).ToArray();
                try
                {
                    int[] rowTargets = target is { } fixedTarget ? Enumerable.Repeat(fixedTarget, batch.Length).ToArray() : TopClasses(sessions[0]);
                    targets.AddRange(rowTargets.Select(c => model.ClassNames[c]));
                    Tensor[] baselines = places.Select((p, i) => means[i] ?? InputBaselines.Of(input, settings.Baseline, window)).ToArray();
                    for (int v = 0; v < variants.Count; v++)
                    {
                        using var variantScope = NewDisposeScope();
                        IReadOnlyList<Tensor> relevance = sources[v].Relevance(input, rowTargets, places, sessions, grids);
                        for (int p = 0; p < places.Length; p++)
                        {
                            FlipCurves c = Flipping.Run(sessions[p], grids[p], relevance[p], baselines[p], rowTargets, settings.Steps);
                            var key = (variants[v].Name, names[p]);
                            curves[key] = curves.TryGetValue(key, out FlipCurves? before) ? before.Concat(c) : c;
                        }
                    }
                }
                finally
                {
                    foreach (IFlipSession s in sessions)
                    {
                        s.Dispose();
                    }
                }
                done += batch.Length;
                progress?.Report(new SrgProgress("flipping", done, records.Count));
            }
        }
        finally
        {
            foreach (IRelevanceSource s in sources)
            {
                s.Dispose();
            }
            foreach (Tensor? m in means)
            {
                m?.Dispose();
            }
        }
        return new SrgResult(names, grids, variants, curves, records.Select(r => data.RecordIds[r]).ToArray(), targets, settings with { Box = box });
    }

    /// <summary>Each record's highest-logit class from an input session (restarting with the record itself).</summary>
    private static int[] TopClasses(IFlipSession input)
    {
        using var _ = no_grad();
        using Tensor logits = input.Logits(input.Activations);
        using Tensor top = logits.argmax(1).cpu();
        return top.data<long>().ToArray().Select(c => (int)c).ToArray();
    }

    /// <summary>Mean activation <c>(1, C, T)</c> of every layer place over the records (null for the input).</summary>
    private static Tensor?[] MeanActivations(ExplainedModel model, IFlipPlace[] places, PreparedDataset data, int[][] batches, Device device, IProgress<SrgProgress>? progress)
    {
        var sums = new Tensor?[places.Length];
        int done = 0, total = batches.Sum(b => b.Length);
        foreach (int[] batch in batches)
        {
            using var scope = NewDisposeScope();
            Tensor input = Load(data, batch, device, model.ScalarType);
            for (int p = 0; p < places.Length; p++)
            {
                if (places[p].Name == GraphPlace.InputName)
                {
                    continue;
                }
                using IFlipSession session = places[p].Open(input);
                Tensor sum = session.Activations.to(ScalarType.Float64).sum(0, keepdim: true);
                Tensor next = (sums[p] is { } before ? before.add(sum) : sum).MoveToOuterDisposeScope();
                sums[p]?.Dispose();
                sums[p] = next;
            }
            done += batch.Length;
            progress?.Report(new SrgProgress("mean activations", done, total));
        }
        return sums.Select(s => s?.div_(total)).ToArray();
    }

    /// <summary>Records <paramref name="batch"/> of <paramref name="data"/> as <c>(n, leads, samples)</c> of <paramref name="dtype"/> on <paramref name="device"/>.</summary>
    public static Tensor Load(PreparedDataset data, IReadOnlyList<int> batch, Device device, ScalarType dtype)
    {
        var signals = new float[batch.Count * data.LeadCount * data.Length];
        data.CopyBatch(batch, signals, new float[batch.Count * data.ClassNames.Count]);
        return tensor(signals, [batch.Count, data.LeadCount, data.Length]).to(dtype).to(device);
    }
}
