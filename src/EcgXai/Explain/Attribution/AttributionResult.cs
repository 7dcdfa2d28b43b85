using static TorchSharp.torch;

namespace EcgXai.Explain.Attribution;

/// <summary>
/// Result of one <see cref="Attributor"/> run: logits per input record, input relevance per row and lead, and the
/// relevance (per row) and activation (per record) at the nodes asked for. Owns its tensors.
/// </summary>
public sealed class AttributionResult : IDisposable
{
    internal AttributionResult(IReadOnlyList<AttributionRow> rows, Tensor logits, Tensor inputRelevance,
        IReadOnlyDictionary<string, Tensor> relevance, IReadOnlyDictionary<string, Tensor> activations)
    {
        Rows = rows;
        Logits = logits;
        InputRelevance = inputRelevance;
        Relevance = relevance;
        Activations = activations;
    }

    /// <summary>The rows, in the order of the row dimension of every relevance tensor.</summary>
    public IReadOnlyList<AttributionRow> Rows { get; }

    /// <summary>Logits <c>(records, classes)</c> of the input batch.</summary>
    public Tensor Logits { get; }

    /// <summary>Input relevance <c>(rows, leads, samples)</c>.</summary>
    public Tensor InputRelevance { get; }

    /// <summary>Relevance <c>(rows, …node shape)</c> at each recorded node (after its conditions).</summary>
    public IReadOnlyDictionary<string, Tensor> Relevance { get; }

    /// <summary>Activation <c>(records, …node shape)</c> at each recorded node.</summary>
    public IReadOnlyDictionary<string, Tensor> Activations { get; }

    internal IEnumerable<Tensor> All => new[] { Logits, InputRelevance }.Concat(Relevance.Values).Concat(Activations.Values)
        .Distinct(ReferenceEqualityComparer.Instance).Cast<Tensor>();

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (Tensor t in All)
        {
            t.Dispose();
        }
    }
}
