using EcgXai.Explain.Crp;
using static TorchSharp.torch;

namespace EcgXai.Explain.Lrp;

/// <summary>
/// Result of one <see cref="Attributor"/> run: logits per input record, input relevance per row and lead, and the
/// relevance (per row) and activation (per record) at the layers asked for. Owns its tensors.
/// </summary>
public sealed class Attribution : IDisposable
{
    internal Attribution(IReadOnlyList<AttributionRow> rows, Tensor logits, Tensor inputRelevance,
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

    /// <summary>Relevance <c>(rows, channels, time)</c> at each recorded layer.</summary>
    public IReadOnlyDictionary<string, Tensor> Relevance { get; }

    /// <summary>Activation <c>(records, channels, time)</c> at each recorded layer.</summary>
    public IReadOnlyDictionary<string, Tensor> Activations { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        Logits.Dispose();
        InputRelevance.Dispose();
        foreach (Tensor t in Relevance.Values.Concat(Activations.Values).Distinct())
        {
            t.Dispose();
        }
    }
}
