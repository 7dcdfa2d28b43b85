namespace EcgXai.Explain.Concepts;

/// <summary>
/// The tables of a concept analysis, computed from a <see cref="ConceptState"/>: statistics per dataset and over all
/// datasets (<see cref="All"/>), rank agreement of every pair of datasets per layer, and the reference lists over all
/// datasets. Every list is in a fixed order (dataset, then layer, then concept; references by kind and rank).
/// </summary>
public sealed class ConceptSummary
{
    /// <summary>Dataset name of the rows over all datasets together.</summary>
    public const string All = "all";

    private ConceptSummary(ConceptSettings settings, IReadOnlyList<ConceptRow> statistics, IReadOnlyList<RankAgreement> agreement,
        IReadOnlyList<ReferenceRow> references, DatasetConcepts merged)
    {
        Settings = settings;
        Statistics = statistics;
        Agreement = agreement;
        References = references;
        Merged = merged;
    }

    /// <summary>What was aggregated.</summary>
    public ConceptSettings Settings { get; }

    /// <summary>One row per dataset (then <see cref="All"/>), layer and concept.</summary>
    public IReadOnlyList<ConceptRow> Statistics { get; }

    /// <summary>Rank agreement per layer and pair of datasets (empty for one dataset).</summary>
    public IReadOnlyList<RankAgreement> Agreement { get; }

    /// <summary>References over all datasets: layer, concept, kind, rank.</summary>
    public IReadOnlyList<ReferenceRow> References { get; }

    /// <summary>The accumulators over all datasets together.</summary>
    public DatasetConcepts Merged { get; }

    /// <summary>Summarises <paramref name="state"/>.</summary>
    public static ConceptSummary Of(ConceptState state)
    {
        DatasetConcepts all = DatasetConcepts.Empty(All, state.Settings);
        foreach (DatasetConcepts d in state.Datasets)
        {
            foreach ((string key, LayerAccumulator a) in all.Layers)
            {
                a.Merge(d.Layers[key]);
            }
        }
        var perDataset = state.Datasets.Append(all).Select(d => state.Settings.Layers.Select(l => ConceptRow.Of(d.Name, d.Layers[l.Key])).ToArray()).ToArray();
        var agreement = new List<RankAgreement>();
        for (int l = 0; l < state.Settings.Layers.Count; l++)
        {
            for (int a = 0; a < state.Datasets.Count; a++)
            {
                for (int b = a + 1; b < state.Datasets.Count; b++)
                {
                    agreement.Add(RankAgreement.Of(perDataset[a][l], perDataset[b][l]));
                }
            }
        }
        var references = new List<ReferenceRow>();
        foreach (ConceptLayer layer in state.Settings.Layers)
        {
            LayerAccumulator a = all.Layers[layer.Key];
            for (int concept = 0; concept < a.Concepts; concept++)
            {
                foreach (ReferenceKind kind in layer.Kinds)
                {
                    references.AddRange(a.References[kind][concept].Entries.Select((e, rank) => new ReferenceRow(layer.Key, concept, kind, rank + 1, e)));
                }
            }
        }
        return new ConceptSummary(state.Settings, perDataset.SelectMany(d => d.SelectMany(rows => rows)).ToArray(), agreement, references, all);
    }

    /// <summary>The rows of <paramref name="layer"/> over all datasets, in rank order.</summary>
    public IReadOnlyList<ConceptRow> Ranking(string layer) =>
        Statistics.Where(r => r.Dataset == All && r.Layer == layer).OrderBy(r => r.Rank).ToArray();
}
