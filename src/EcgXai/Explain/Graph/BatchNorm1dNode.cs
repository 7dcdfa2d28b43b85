using static TorchSharp.torch;

namespace EcgXai.Explain.Graph;

/// <summary>
/// Eval-mode <c>BatchNorm1d</c> over channels of <c>(C, L)</c>: <c>y = (x − μ)/√(var + eps)·γ + β</c>, i.e. the per-channel
/// affine map <c>y = scale·x + shift</c> (<see cref="Affine"/>). γ and β may be absent (non-affine BatchNorm).
/// </summary>
public sealed class BatchNorm1dNode : GraphNode
{
    /// <summary>A BatchNorm of <paramref name="input"/>; <paramref name="module"/> when it is a model's own layer (training mode stays there).</summary>
    public BatchNorm1dNode(string name, string input, Tensor runningMean, Tensor runningVar, Tensor? weight, Tensor? bias, double eps,
        nn.Module<Tensor, Tensor>? module = null) : base(name, [input], module)
    {
        long c = runningMean.shape[0];
        if (runningMean.dim() != 1 || !runningVar.shape.SequenceEqual(runningMean.shape)
            || (weight is not null && !weight.shape.SequenceEqual(runningMean.shape)) || (bias is not null && !bias.shape.SequenceEqual(runningMean.shape)))
        {
            throw Error("mean, var, weight and bias must all be (channels)");
        }
        if (!(eps >= 0))
        {
            throw Error($"eps must be >= 0, got {eps}");
        }
        Channels = c;
        RunningMean = runningMean;
        RunningVar = runningVar;
        Weight = weight;
        Bias = bias;
        Eps = eps;
    }

    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.BatchNorm1d;

    /// <summary>Number of channels.</summary>
    public long Channels { get; }

    /// <summary>Running mean μ.</summary>
    public Tensor RunningMean { get; }

    /// <summary>Running variance.</summary>
    public Tensor RunningVar { get; }

    /// <summary>γ, or null.</summary>
    public Tensor? Weight { get; }

    /// <summary>β, or null.</summary>
    public Tensor? Bias { get; }

    /// <summary>Variance epsilon.</summary>
    public double Eps { get; }

    /// <inheritdoc />
    public override IEnumerable<Tensor> Tensors => new[] { RunningMean, RunningVar, Weight, Bias }.OfType<Tensor>();

    /// <summary>New tensors <c>scale = γ/√(var + eps)</c> and <c>shift = β − μ·scale</c> (the caller owns them).</summary>
    public (Tensor Scale, Tensor Shift) Affine()
    {
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        Tensor scale = (RunningVar.detach() + Eps).rsqrt();
        if (Weight is not null)
        {
            scale = scale * Weight.detach();
        }
        Tensor shift = -RunningMean.detach() * scale;
        if (Bias is not null)
        {
            shift = shift + Bias.detach();
        }
        return (scale.MoveToOuterDisposeScope(), shift.MoveToOuterDisposeScope());
    }

    /// <inheritdoc />
    public override long[] OutputShape(IReadOnlyList<long[]> inputShapes)
    {
        Expect(inputShapes, 1, 2);
        return inputShapes[0][0] == Channels ? inputShapes[0] : throw Error($"has {Channels} channels, input '{Inputs[0]}' has {inputShapes[0][0]}");
    }

    /// <inheritdoc />
    public override GraphNode Rebind(IReadOnlyList<string> inputs, Func<Tensor, Tensor> tensors) =>
        new BatchNorm1dNode(Name, inputs[0], tensors(RunningMean), tensors(RunningVar), Weight is null ? null : tensors(Weight),
            Bias is null ? null : tensors(Bias), Eps);

    /// <inheritdoc />
    protected override Tensor Compute(IReadOnlyList<Tensor> inputs) =>
        nn.functional.batch_norm(inputs[0], RunningMean, RunningVar, Weight, Bias, training: false, eps: Eps);
}
