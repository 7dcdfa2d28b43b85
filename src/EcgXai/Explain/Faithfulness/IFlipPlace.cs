using static TorchSharp.torch;

namespace EcgXai.Explain.Faithfulness;

/// <summary>
/// A place in the model where features are flipped (the input, or a named node): opening it on a batch of records runs
/// the forward once, and the session then restarts the forward from replaced activations at the place.
/// </summary>
public interface IFlipPlace
{
    /// <summary>"input", or the node's name.</summary>
    string Name { get; }

    /// <summary>Channels (leads) of the place's activation.</summary>
    int Channels { get; }

    /// <summary>Time length of the place's activation.</summary>
    int Length { get; }

    /// <summary>Runs the forward of <paramref name="input"/> <c>(records, leads, samples)</c> up to what a restart needs.</summary>
    IFlipSession Open(Tensor input);
}

/// <summary>One batch of records opened at a place (owns what the forward kept).</summary>
public interface IFlipSession : IDisposable
{
    /// <summary>The records' activation at the place, <c>(records, Channels, Length)</c>.</summary>
    Tensor Activations { get; }

    /// <summary>
    /// Logits <c>(rows, classes)</c> with the place's activation replaced by <paramref name="replaced"/>
    /// <c>(m·records, Channels, Length)</c>; row r continues record <c>r mod records</c>. Differentiable in
    /// <paramref name="replaced"/> when gradients are enabled.
    /// </summary>
    Tensor Logits(Tensor replaced);
}
