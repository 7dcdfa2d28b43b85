using System.Text.Json;
using System.Text.Json.Serialization;
using EcgXai.IO;

namespace EcgXai.Explain.Concepts;

/// <summary>
/// The mergeable result of a concept pass: settings and, per dataset, the layer accumulators. A shard saves it; merging
/// the shards' states gives the state of one run over all their records (sums and moments up to rounding, reference
/// lists exactly).
/// </summary>
public sealed class ConceptState
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>A state from its parts.</summary>
    [JsonConstructor]
    public ConceptState(ConceptSettings settings, IReadOnlyList<DatasetConcepts> datasets)
    {
        if (datasets.Select(d => d.Name).Distinct().Count() != datasets.Count)
        {
            throw new ArgumentException("a dataset appears twice in the concept state");
        }
        Settings = settings;
        Datasets = datasets;
    }

    /// <summary>What is aggregated.</summary>
    [JsonPropertyName("settings")] public ConceptSettings Settings { get; }

    /// <summary>Accumulators per dataset, in the order of the data specs.</summary>
    [JsonPropertyName("datasets")] public IReadOnlyList<DatasetConcepts> Datasets { get; }

    /// <summary>An empty state for <paramref name="datasets"/>.</summary>
    public static ConceptState Empty(ConceptSettings settings, IEnumerable<string> datasets) =>
        new(settings, datasets.Select(d => DatasetConcepts.Empty(d, settings)).ToArray());

    /// <summary>Adds the rows of one batch of dataset <paramref name="dataset"/>: row i is record <paramref name="recordIds"/>[i]; one <see cref="LayerBatch"/> per layer key.</summary>
    public void Add(int dataset, IReadOnlyList<string> recordIds, IReadOnlyDictionary<string, LayerBatch> batches)
    {
        DatasetConcepts target = Datasets[dataset];
        PoissonBootstrap bootstrap = Settings.Bootstrap();
        var weights = new int[Settings.Replicates];
        for (int i = 0; i < recordIds.Count; i++)
        {
            bootstrap.Weights(target.Name, recordIds[i], weights);
            foreach (ConceptLayer layer in Settings.Layers)
            {
                if (!batches.TryGetValue(layer.Key, out LayerBatch? batch) || batch.Rows != recordIds.Count)
                {
                    throw new ArgumentException($"the batch has no values for {layer.Key} of its {recordIds.Count} records");
                }
                target.Layers[layer.Key].Add(batch, i, target.Name, recordIds[i], weights);
            }
        }
    }

    /// <summary>The merge of several states of the same settings and datasets (the inputs stay unchanged).</summary>
    public static ConceptState Merge(IReadOnlyList<ConceptState> parts)
    {
        if (parts.Count == 0)
        {
            throw new ArgumentException("nothing to merge");
        }
        ConceptState first = parts[0];
        var datasets = first.Datasets.Select(d => d.Copy()).ToArray();
        foreach (ConceptState part in parts.Skip(1))
        {
            if (!part.Settings.Matches(first.Settings) || !part.Datasets.Select(d => d.Name).SequenceEqual(datasets.Select(d => d.Name)))
            {
                throw new ArgumentException("the parts analyse different targets, layers, settings or datasets");
            }
            for (int i = 0; i < datasets.Length; i++)
            {
                datasets[i].Merge(part.Datasets[i]);
            }
        }
        return new ConceptState(first.Settings, datasets);
    }

    /// <summary>Writes the state as JSON (doubles round-trip exactly), atomically.</summary>
    public void Save(string path) => AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, this, Json));

    /// <summary>Reads a state written by <see cref="Save"/>.</summary>
    public static ConceptState Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new EcgXaiException(path, "concept state not found (is this the folder of a finished concepts part?)");
        }
        try
        {
            using FileStream stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<ConceptState>(stream, Json) ?? throw new EcgXaiException(path, "empty concept state");
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            throw new EcgXaiException(path, "not a valid concept state: " + e.Message);
        }
    }
}
