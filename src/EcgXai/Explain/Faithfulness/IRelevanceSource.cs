using static TorchSharp.torch;

namespace EcgXai.Explain.Faithfulness;

/// <summary>Per-feature relevance of one explanation variant at flip places, for a batch of records (it decides the flip orders).</summary>
public interface IRelevanceSource : IDisposable
{
    /// <summary>
    /// Relevance <c>(records, features)</c> of the features of <paramref name="grids"/>[i] at each of
    /// <paramref name="places"/> (opened on <paramref name="input"/> as <paramref name="sessions"/>) for class
    /// <paramref name="targets"/>[r] of record r.
    /// </summary>
    IReadOnlyList<Tensor> Relevance(Tensor input, IReadOnlyList<int> targets, IReadOnlyList<IFlipPlace> places, IReadOnlyList<IFlipSession> sessions,
        IReadOnlyList<FeatureGrid> grids);
}
