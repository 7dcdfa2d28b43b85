using System.Text.Json.Serialization;

namespace EcgXai.Explain.Concepts;

/// <summary>The accumulators of one dataset, one per aggregated layer (keyed by <see cref="ConceptLayer.Key"/>).</summary>
/// <param name="Name">Dataset spec.</param>
/// <param name="Layers">Accumulator per layer key.</param>
public sealed record DatasetConcepts(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("layers")] IReadOnlyDictionary<string, LayerAccumulator> Layers)
{
    /// <summary>Empty accumulators for every layer of <paramref name="settings"/>.</summary>
    public static DatasetConcepts Empty(string name, ConceptSettings settings) =>
        new(name, settings.Layers.ToDictionary(l => l.Key, l => new LayerAccumulator(l.Key, l.Concepts, settings.TopK, l.Kinds, l.Positions ? 0 : settings.Replicates)));

    /// <summary>Number of records added.</summary>
    [JsonIgnore] public long Count => Layers.Values.FirstOrDefault()?.Count ?? 0;

    /// <summary>A deep copy.</summary>
    public DatasetConcepts Copy() => new(Name, Layers.ToDictionary(p => p.Key, p => p.Value.Copy()));

    /// <summary>Adds the accumulators of the same dataset over disjoint records.</summary>
    public void Merge(DatasetConcepts other)
    {
        if (other.Name != Name || !other.Layers.Keys.ToHashSet().SetEquals(Layers.Keys))
        {
            throw new ArgumentException($"cannot merge concepts of {other.Name} into {Name}");
        }
        foreach ((string key, LayerAccumulator a) in Layers)
        {
            a.Merge(other.Layers[key]);
        }
    }
}
