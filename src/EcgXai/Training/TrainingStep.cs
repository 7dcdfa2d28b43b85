using EcgXai.Models;
using static TorchSharp.torch;

namespace EcgXai.Training;

/// <summary>One optimisation step: moves a <see cref="HostBatch"/> to the device, forward, <see cref="DistillationLoss"/>, backward, optimiser step.</summary>
/// <param name="model">Model in training mode.</param>
/// <param name="optimizer">Optimiser over the model's parameters.</param>
/// <param name="device">Device of the model.</param>
/// <param name="distillation">Loss weights when batches carry teacher probabilities.</param>
/// <param name="positiveWeights">Per-class weights of positive labels (class weighting), or null for none.</param>
public sealed class TrainingStep(ResNet1d model, optim.Optimizer optimizer, Device device, DistillationOptions? distillation = null, float[]? positiveWeights = null)
{
    /// <summary>Runs the step on <paramref name="batch"/>; returns the loss before the update.</summary>
    public double Run(HostBatch batch)
    {
        using var scope = NewDisposeScope();
        var config = model.Config;
        Tensor x = tensor(batch.Signals, [batch.Count, config.LeadCount, config.InputLength]).to(device);
        Tensor y = tensor(batch.Labels, [batch.Count, config.ClassCount]).to(device);
        Tensor? teacher = batch.TeacherProbabilities is null ? null : tensor(batch.TeacherProbabilities, [batch.Count, config.ClassCount]).to(device);
        optimizer.zero_grad();
        Tensor? weights = positiveWeights is null ? null : tensor(positiveWeights).to(device);
        Tensor loss = DistillationLoss.Compute(model.forward(x), y, teacher, distillation, weights);
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }
}
