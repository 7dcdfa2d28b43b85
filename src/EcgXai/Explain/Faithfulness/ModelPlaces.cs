using EcgXai.Models;
using static TorchSharp.torch;

namespace EcgXai.Explain.Faithfulness;

/// <summary>Flip places of a <see cref="ResNet1d"/>: its input, and the classifier input (the last unit's output).</summary>
public static class ModelPlaces
{
    /// <summary>Name of the input place.</summary>
    public const string InputName = "input";

    /// <summary>The input: activations are the records themselves, the restart is the whole forward.</summary>
    public static IFlipPlace Input(ResNet1d model) =>
        new Place(InputName, model.Config.LeadCount, model.Config.InputLength, x => x.alias(), model.forward);

    /// <summary>The classifier input <c>blocks.{last}.out</c>: the restart is the linear head on the flattened positions.</summary>
    public static IFlipPlace ClassifierInput(ResNet1d model) =>
        new Place(ClassifierInputName(model.Config), model.Config.Filters[^1], model.Config.Lengths[^1], model.Features, a => model.lin.forward(a.flatten(1)));

    /// <summary>The node name of the classifier input of a model of <paramref name="config"/>.</summary>
    public static string ClassifierInputName(ResNet1dConfig config) => $"blocks.{config.BlockCount - 1}.out";

    private sealed record Place(string Name, int Channels, int Length, Func<Tensor, Tensor> Forward, Func<Tensor, Tensor> Restart) : IFlipPlace
    {
        public IFlipSession Open(Tensor input)
        {
            using var _ = no_grad();
            return new Session(Forward(input), Restart);
        }
    }

    private sealed class Session(Tensor activations, Func<Tensor, Tensor> restart) : IFlipSession
    {
        public Tensor Activations { get; } = activations;

        public Tensor Logits(Tensor replaced) => restart(replaced);

        public void Dispose() => Activations.Dispose();
    }
}
