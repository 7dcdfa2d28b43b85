using EcgXai.Explain.Faithfulness;
using static TorchSharp.torch;

namespace EcgXai.Tests.Explain.Faithfulness;

/// <summary>A one-class linear model <c>logit = Σ w ⊙ x + b</c> over <c>(channels, length)</c>, as a flip place at its input.</summary>
internal sealed class LinearPlace(double[] weights, double bias, int channels) : IFlipPlace
{
    public string Name => "input";

    public int Channels => channels;

    public int Length => weights.Length / channels;

    public double[] Weights => weights;

    public double Bias => bias;

    /// <summary>How many restarted forwards ran, and over how many rows in all.</summary>
    public List<long> ForwardRows { get; } = [];

    public IFlipSession Open(Tensor input) => new Session(this, input.clone());

    private sealed class Session(LinearPlace place, Tensor activations) : IFlipSession
    {
        public Tensor Activations => activations;

        public Tensor Logits(Tensor replaced)
        {
            place.ForwardRows.Add(replaced.shape[0]);
            using Tensor w = tensor(place.Weights, dtype: replaced.dtype).view(1, -1);
            return replaced.flatten(1).mul(w).sum(1, keepdim: true).add(place.Bias);
        }

        public void Dispose() => activations.Dispose();
    }
}
