using static TorchSharp.torch;

namespace EcgXai.Explain.Rules;

/// <summary>
/// The view the rules have of a graph node <c>f(x; W, b)</c> that is linear in its input (conv, dense, BatchNorm as affine,
/// sum, average pool): its parameters, how to apply it with
/// modified parameters, and its vector-Jacobian product <c>Wᵀs</c>. Owns copies of its parameters (never the model's
/// tensors) and caches <c>W⁺, W⁻, b⁺, b⁻</c> once, so rules do not recompute them per call.
/// </summary>
public abstract class LinearLayer : IDisposable
{
    /// <summary>Takes ownership of <paramref name="weight"/> and <paramref name="bias"/> (detached from any dispose scope).</summary>
    protected LinearLayer(string name, Tensor weight, Tensor? bias, bool inputNonNegative)
    {
        Name = name;
        InputNonNegative = inputNonNegative;
        Weight = weight.DetachFromDisposeScope();
        Bias = bias?.DetachFromDisposeScope();
        PositiveWeight = weight.clamp_min(0).DetachFromDisposeScope();
        NegativeWeight = weight.clamp_max(0).DetachFromDisposeScope();
        PositiveBias = bias?.clamp_min(0).DetachFromDisposeScope();
        NegativeBias = bias?.clamp_max(0).DetachFromDisposeScope();
    }

    /// <summary>Name of the graph node this layer views (e.g. <c>blocks.2.conv1</c>).</summary>
    public string Name { get; }

    /// <summary>True when the layer's input is provably non-negative (checked on the graph, e.g. a ReLU output), so <c>x⁻ = 0</c>.</summary>
    public bool InputNonNegative { get; }

    /// <summary>Weights <c>W</c>.</summary>
    public Tensor Weight { get; }

    /// <summary>Bias <c>b</c>, or null.</summary>
    public Tensor? Bias { get; }

    /// <summary><c>W⁺ = max(W, 0)</c>.</summary>
    public Tensor PositiveWeight { get; }

    /// <summary><c>W⁻ = min(W, 0)</c>.</summary>
    public Tensor NegativeWeight { get; }

    /// <summary><c>b⁺</c>, or null without bias.</summary>
    public Tensor? PositiveBias { get; }

    /// <summary><c>b⁻</c>, or null without bias.</summary>
    public Tensor? NegativeBias { get; }

    /// <summary>Applies the layer to <paramref name="input"/> with the given (possibly modified) parameters.</summary>
    public abstract Tensor Forward(Tensor input, Tensor weight, Tensor? bias);

    /// <summary>
    /// The vector-Jacobian product <c>Wᵀs</c> of the layer with weights <paramref name="weight"/>, shaped like an input of
    /// length <paramref name="inputLength"/> (the last input dimension) with as many rows as <paramref name="outputGradient"/>.
    /// </summary>
    public abstract Tensor InputGradient(Tensor outputGradient, Tensor weight, long inputLength);

    /// <summary>
    /// <see cref="InputGradient"/> of one <paramref name="outputGradient"/> for each of <paramref name="weights"/> (a layer may
    /// compute them in one product); the results may be views of one tensor.
    /// </summary>
    public virtual Tensor[] InputGradients(Tensor outputGradient, IReadOnlyList<Tensor> weights, long inputLength) =>
        [.. weights.Select(w => InputGradient(outputGradient, w, inputLength))];

    /// <summary>Applies the unmodified layer.</summary>
    public Tensor Forward(Tensor input) => Forward(input, Weight, Bias);

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (Tensor? t in new[] { Weight, Bias, PositiveWeight, NegativeWeight, PositiveBias, NegativeBias })
        {
            t?.Dispose();
        }
        GC.SuppressFinalize(this);
    }
}
