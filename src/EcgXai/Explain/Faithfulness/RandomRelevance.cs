using static TorchSharp.torch;

namespace EcgXai.Explain.Faithfulness;

/// <summary>
/// The random-order baseline: independent uniform relevance per feature (not per element, since features of unequal
/// size would then rank by size) from a seeded host generator, so each record's feature order is a uniformly random
/// permutation and the run is reproducible.
/// </summary>
/// <param name="seed">Seed of the generator; successive batches continue its stream.</param>
public sealed class RandomRelevance(int seed) : IRelevanceSource
{
    private readonly Random random = new(seed);

    /// <inheritdoc />
    public IReadOnlyList<Tensor> Relevance(Tensor input, IReadOnlyList<int> targets, IReadOnlyList<IFlipPlace> places, IReadOnlyList<IFlipSession> sessions,
        IReadOnlyList<FeatureGrid> grids) =>
        sessions.Select((s, p) =>
        {
            long[] shape = [s.Activations.shape[0], grids[p].Count];
            var values = new float[shape[0] * shape[1]];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = random.NextSingle();
            }
            return tensor(values, shape).to(s.Activations.device);
        }).ToArray();

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
