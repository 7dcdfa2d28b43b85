using EcgXai.Datasets;
using EcgXai.Explain.Attribution;
using static TorchSharp.torch;

namespace EcgXai.Explain.Crp;

/// <summary>
/// Dataset-wide concept relevance: explains every selected record of a <see cref="PreparedDataset"/> for one target with
/// one <see cref="Attributor"/> walk per batch and accumulates the per-channel relevance of one layer.
/// </summary>
public static class ConceptAnalysis
{
    /// <summary>
    /// Accumulates the per-channel relevance (summed over time) at <paramref name="layer"/> for class
    /// <paramref name="target"/> over the records <paramref name="records"/> of <paramref name="data"/>.
    /// Reports the number of records done through <paramref name="progress"/>.
    /// </summary>
    public static ConceptStatistics Accumulate(Attributor attributor, PreparedDataset data, IReadOnlyList<int> records, int target, string layer,
        int batchSize = 16, Device? device = null, IProgress<int>? progress = null)
    {
        if (batchSize < 1)
        {
            throw new ArgumentException($"batch size must be positive, got {batchSize}");
        }
        int channels = attributor.ChannelsOf(layer);
        string className = attributor.Graph.Metadata.ClassNames is { } names && target >= 0 && target < names.Count ? names[target] : $"class{target}";
        var statistics = new ConceptStatistics(layer, className, channels);
        int per = data.LeadCount * data.Length;
        for (int start = 0; start < records.Count; start += batchSize)
        {
            int[] batch = records.Skip(start).Take(batchSize).ToArray();
            var signals = new float[batch.Length * per];
            var labels = new float[batch.Length * data.ClassNames.Count];
            data.CopyBatch(batch, signals, labels);
            using var scope = NewDisposeScope();
            Tensor input = tensor(signals, [batch.Length, data.LeadCount, data.Length]).to(attributor.ScalarType).to(device ?? CPU);
            using AttributionResult attribution = attributor.Attribute(input, Enumerable.Repeat(target, batch.Length).ToArray(), [layer]);
            float[] perChannel = ConceptRelevance.PerChannel(attribution.Relevance[layer]).to(ScalarType.Float32).cpu().data<float>().ToArray();
            for (int i = 0; i < batch.Length; i++)
            {
                statistics.Add(perChannel.AsSpan(i * channels, channels));
            }
            progress?.Report(Math.Min(start + batchSize, records.Count));
        }
        return statistics;
    }
}
