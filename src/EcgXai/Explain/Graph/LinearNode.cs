using static TorchSharp.torch;

namespace EcgXai.Explain.Graph;

/// <summary><c>Linear</c> on a flat input: weight <c>(out, in)</c>, optional bias <c>(out)</c>; <c>(in) → (out)</c>.</summary>
public sealed class LinearNode : GraphNode
{
    /// <summary>A dense layer of <paramref name="input"/>; <paramref name="module"/> when it is a model's own layer.</summary>
    public LinearNode(string name, string input, Tensor weight, Tensor? bias, nn.Module<Tensor, Tensor>? module = null) : base(name, [input], module)
    {
        if (weight.dim() != 2)
        {
            throw Error($"weight must be (out, in), got [{string.Join(", ", weight.shape)}]");
        }
        if (bias is not null && (bias.dim() != 1 || bias.shape[0] != weight.shape[0]))
        {
            throw Error($"bias must be ({weight.shape[0]}), got [{string.Join(", ", bias.shape)}]");
        }
        Weight = weight;
        Bias = bias;
    }

    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.Linear;

    /// <summary>Weight <c>(out, in)</c>.</summary>
    public Tensor Weight { get; }

    /// <summary>Bias <c>(out)</c>, or null.</summary>
    public Tensor? Bias { get; }

    /// <inheritdoc />
    public override IEnumerable<Tensor> Tensors => Bias is null ? [Weight] : [Weight, Bias];

    /// <inheritdoc />
    public override long[] OutputShape(IReadOnlyList<long[]> inputShapes)
    {
        Expect(inputShapes, 1, 1);
        return inputShapes[0][0] == Weight.shape[1] ? [Weight.shape[0]]
            : throw Error($"weight expects {Weight.shape[1]} features, input '{Inputs[0]}' has {inputShapes[0][0]}");
    }

    /// <inheritdoc />
    public override GraphNode Rebind(IReadOnlyList<string> inputs, Func<Tensor, Tensor> tensors) =>
        new LinearNode(Name, inputs[0], tensors(Weight), Bias is null ? null : tensors(Bias));

    /// <inheritdoc />
    protected override Tensor Compute(IReadOnlyList<Tensor> inputs) => nn.functional.linear(inputs[0], Weight, Bias);
}
