using System.Text.Json;
using EcgXai.Datasets;
using EcgXai.IO;
using static TorchSharp.torch;

namespace EcgXai.Explain.Concepts;

/// <summary>
/// Dataset-wide concept analysis (<c>ecgxai concepts</c>, <c>ecgxai merge</c>): one explanation walk per batch of the
/// selected records records every aggregated node at once; the associative <see cref="ConceptState"/> is saved to
/// <c>OUT/explain/concepts/state.json</c>; without a shard (or after merging every shard) the tables are written.
/// </summary>
public static class ConceptAnalysis
{
    /// <summary>Folder of the analysis inside a run folder.</summary>
    public static string DirectoryOf(string runDirectory) => Path.Combine(Path.GetFullPath(runDirectory), "explain", "concepts");

    /// <summary>Runs the analysis (or one shard of it) with <paramref name="options"/>; <paramref name="cancellation"/> stops it between batches.</summary>
    public static ConceptResult Run(ConceptOptions options, IProgress<ConceptProgress>? progress = null, CancellationToken cancellation = default)
    {
        options.Validate();
        ConceptRunConfig config = ConceptRunConfig.For(options, ExplainerChoice.For(options));
        string directory = DirectoryOf(options.OutDirectory);
        using var explainer = ConceptExplainer.Load(config.Model, config.Explainer, TorchDevice.Resolve(options.Device));
        int target = explainer.TargetIndex(config.Model, options.Target);
        var settings = new ConceptSettings(options.Target, explainer.Layers(config.Model, options.Layers, options.Positions), options.TopK, options.Replicates, options.Seed);
        List<PreparedDataset> datasets = Prepare(options, explainer);
        try
        {
            var selected = Select(datasets, options, target);
            IReadOnlyList<(int Dataset, int Row)> records = options.Shard?.Select(selected) ?? selected;
            config.Save(Path.Combine(directory, ConceptRunConfig.FileName));
            ConceptState state = Pass(explainer, datasets, records, target, settings, options.BatchSize, progress, cancellation);
            state.Save(Path.Combine(directory, StateFileName));
            return options.Shard is null ? Finish(state, options, explainer, datasets, target, directory, progress, cancellation) : new ConceptResult(directory, state, null);
        }
        finally
        {
            datasets.ForEach(d => d.Dispose());
        }
    }

    /// <summary>Merges the states of every shard of one analysis into <see cref="ConceptMergeOptions.OutDirectory"/> and writes the tables.</summary>
    public static ConceptResult Merge(ConceptMergeOptions options, IProgress<ConceptProgress>? progress = null, CancellationToken cancellation = default)
    {
        if (options.Parts.Count == 0)
        {
            throw new ArgumentException("give the folders of the parts to merge");
        }
        var configs = options.Parts.Select(p => ConceptRunConfig.Load(Path.Combine(DirectoryOf(p), ConceptRunConfig.FileName))).ToArray();
        CheckParts(options.Parts, configs);
        cancellation.ThrowIfCancellationRequested();
        var states = options.Parts.Select(p => ConceptState.Load(Path.Combine(DirectoryOf(p), StateFileName))).ToArray();
        progress?.Report(new ConceptProgress("merge", states.Length, states.Length, $"merging {states.Length} parts"));
        ConceptState state = ConceptState.Merge(states);
        string directory = DirectoryOf(options.OutDirectory);
        ConceptRunConfig merged = configs[0] with
        {
            Options = configs[0].Options with { Shard = null, OutDirectory = Path.GetFullPath(options.OutDirectory), Device = options.Device ?? configs[0].Options.Device },
            Parts = options.Parts.Select(Path.GetFullPath).ToArray(),
        };
        merged.Save(Path.Combine(directory, ConceptRunConfig.FileName));
        state.Save(Path.Combine(directory, StateFileName));
        ConceptOptions run = merged.Options;
        if (!run.References && !run.LeadProfiles && !run.Purity && !run.AttributionGraph)
        {
            return Finish(state, run, null, [], 0, directory, progress, cancellation);
        }
        using var explainer = ConceptExplainer.Load(merged.Model, merged.Explainer, TorchDevice.Resolve(run.Device));
        List<PreparedDataset> datasets = Prepare(run, explainer);
        try
        {
            return Finish(state, run, explainer, datasets, explainer.TargetIndex(merged.Model, run.Target), directory, progress, cancellation);
        }
        finally
        {
            datasets.ForEach(d => d.Dispose());
        }
    }

    /// <summary>File name of the mergeable state inside <c>explain/concepts/</c>; written last, so its presence marks a finished part.</summary>
    public const string StateFileName = "state.json";

    /// <summary>The stages that need every record: the tables, then references, per-lead profiles, attribution graph and purity when asked for.</summary>
    private static ConceptResult Finish(ConceptState state, ConceptOptions options, ConceptExplainer? explainer, IReadOnlyList<PreparedDataset> datasets, int target,
        string directory, IProgress<ConceptProgress>? progress, CancellationToken cancellation)
    {
        ConceptSummary summary = ConceptSummary.Of(state);
        ConceptTables.Write(summary, directory);
        IReadOnlyList<PurityRow>? purity = explainer is not null && (options.References || options.LeadProfiles || options.Purity || options.AttributionGraph)
            ? ReferenceStage.Write(summary, options, explainer, datasets, target, directory, progress, cancellation)
            : null;
        return new ConceptResult(directory, state, summary) { Purity = purity };
    }

    private static void CheckParts(IReadOnlyList<string> parts, IReadOnlyList<ConceptRunConfig> configs)
    {
        string Key(ConceptRunConfig c) => JsonSerializer.Serialize(c with { Options = c.Options with { Shard = null, OutDirectory = "", Device = null }, Parts = [] });
        for (int i = 0; i < configs.Count; i++)
        {
            if (configs[i].Options.Shard is null)
            {
                throw new EcgXaiException(parts[i], "not a shard of a concept analysis (it ran without --shard)");
            }
            if (Key(configs[i]) != Key(configs[0]))
            {
                throw new EcgXaiException(parts[i], $"analyses another model, data, target or settings than {parts[0]}");
            }
        }
        int count = configs[0].Options.Shard!.Count;
        var indices = configs.Select(c => c.Options.Shard!).ToArray();
        if (indices.Any(s => s.Count != count) || indices.Select(s => s.Index).Distinct().Count() != configs.Count || configs.Count != count)
        {
            int[] missing = Enumerable.Range(0, count).Except(indices.Where(s => s.Count == count).Select(s => s.Index)).ToArray();
            throw new EcgXaiException(parts[0], $"the parts must be the shards 0..{count - 1} of {count}, each once; got {string.Join(", ", indices.Select(s => s.ToString()))}"
                + (missing.Length > 0 ? $" (missing {string.Join(", ", missing)})" : ""));
        }
    }

    private static List<PreparedDataset> Prepare(ConceptOptions options, ConceptExplainer explainer)
    {
        var preprocess = explainer.Config.Preprocessing();
        DatasetPreparer.Check(options.Data, preprocess, explainer.Config.ClassNames);
        var datasets = new List<PreparedDataset>();
        try
        {
            foreach (string spec in options.Data)
            {
                datasets.Add(DatasetPreparer.Prepare(spec, preprocess, explainer.Config.ClassNames, options.CacheDirectory));
            }
            return datasets;
        }
        catch
        {
            datasets.ForEach(d => d.Dispose());
            throw;
        }
    }

    /// <summary>The selected records of every dataset (prepared with the model's classes, <paramref name="target"/> among them), dataset by dataset in row order.</summary>
    private static List<(int Dataset, int Row)> Select(IReadOnlyList<PreparedDataset> datasets, ConceptOptions options, int target)
    {
        var selected = new List<(int, int)>();
        for (int d = 0; d < datasets.Count; d++)
        {
            for (int row = 0; row < datasets[d].Count; row++)
            {
                if (options.Records == ConceptRecords.All || datasets[d].Label(row, target) > 0.5f)
                {
                    selected.Add((d, row));
                }
            }
        }
        return selected;
    }

    /// <summary>One walk per batch of records of one dataset; every aggregated node recorded at once.</summary>
    private static ConceptState Pass(ConceptExplainer explainer, IReadOnlyList<PreparedDataset> datasets, IReadOnlyList<(int Dataset, int Row)> records,
        int target, ConceptSettings settings, int batchSize, IProgress<ConceptProgress>? progress, CancellationToken cancellation)
    {
        var state = ConceptState.Empty(settings, datasets.Select(d => d.Name));
        for (int start = 0; start < records.Count;)
        {
            cancellation.ThrowIfCancellationRequested();
            int dataset = records[start].Dataset;
            int[] rows = records.Skip(start).Take(batchSize).TakeWhile(r => r.Dataset == dataset).Select(r => r.Row).ToArray();
            PreparedDataset data = datasets[dataset];
            var signals = new float[rows.Length * data.LeadCount * data.Length];
            data.CopyBatch(rows, signals, new float[rows.Length * data.ClassNames.Count]);
            using (var scope = NewDisposeScope())
            {
                Tensor input = tensor(signals, [rows.Length, data.LeadCount, data.Length]).to(explainer.Attributor.ScalarType).to(explainer.Device);
                state.Add(dataset, rows.Select(r => data.RecordIds[r]).ToArray(), explainer.Explain(input, target, settings.Layers));
            }
            start += rows.Length;
            progress?.Report(new ConceptProgress("pass", start, records.Count));
        }
        return state;
    }
}
