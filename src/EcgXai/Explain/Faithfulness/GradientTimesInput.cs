using static TorchSharp.torch;

namespace EcgXai.Explain.Faithfulness;

/// <summary>
/// Gradient × input at each place: the gradient of the target logit through the restarted forward, times the activation,
/// summed over each feature.
/// </summary>
public sealed class GradientTimesInput : IRelevanceSource
{
    /// <inheritdoc />
    public IReadOnlyList<Tensor> Relevance(Tensor input, IReadOnlyList<int> targets, IReadOnlyList<IFlipPlace> places, IReadOnlyList<IFlipSession> sessions,
        IReadOnlyList<FeatureGrid> grids)
    {
        var result = new List<Tensor>(sessions.Count);
        for (int p = 0; p < sessions.Count; p++)
        {
            IFlipSession session = sessions[p];
            using var scope = NewDisposeScope();
            using var grad = enable_grad();
            Tensor activation = session.Activations.detach().requires_grad_(true);
            Tensor logits = session.Logits(activation);
            Tensor index = tensor(targets.Select(t => (long)t).ToArray(), dtype: ScalarType.Int64, device: logits.device).unsqueeze(1);
            Tensor selected = logits.gather(1, index).sum();
            Tensor gradient = autograd.grad([selected], [activation])[0];
            result.Add(grids[p].Relevance(gradient.mul(activation).detach()).MoveToOuterDisposeScope());
        }
        return result;
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
