using EcgXai.Training;
using static TorchSharp.torch;

namespace EcgXai.Tests.Training;

public class DistillationLossTests
{
    private static readonly double[] Logits = [2.0, -1.0, 0.3, -3.5, 0.0, 1.2];
    private static readonly double[] Labels = [1, 0, 1, 0, 0, 1];
    private static readonly double[] Teacher = [0.9, 0.2, 0.55, 0.01, 0.5, 1.0];

    private static double Bce(double logit, double target)
    {
        double p = 1 / (1 + Math.Exp(-logit));
        return -(target * Math.Log(p) + (1 - target) * Math.Log(1 - p));
    }

    private static double Explicit(double alpha, double tau)
    {
        double soft = 0, hard = 0;
        for (int i = 0; i < Logits.Length; i++)
        {
            double p = Math.Clamp(Teacher[i], 1e-7, 1 - 1e-7);
            double target = 1 / (1 + Math.Exp(-Math.Log(p / (1 - p)) / tau));
            soft += Bce(Logits[i] / tau, target);
            hard += Bce(Logits[i], Labels[i]);
        }
        return alpha * soft / Logits.Length * tau * tau + (1 - alpha) * hard / Logits.Length;
    }

    [Theory]
    [InlineData(0.5, 2.0)]
    [InlineData(0.9, 4.0)]
    [InlineData(1.0, 1.0)]
    [InlineData(0.0, 3.0)]
    public void MatchesAnExplicitComputation(double alpha, double tau)
    {
        using var logits = tensor(Logits, float64).reshape(2, 3);
        using var labels = tensor(Labels, float64).reshape(2, 3);
        using var teacher = tensor(Teacher, float64).reshape(2, 3);
        using var loss = DistillationLoss.Compute(logits, labels, teacher, new DistillationOptions(alpha, tau));
        Assert.Equal(Explicit(alpha, tau), loss.item<double>(), 1e-9);
    }

    [Fact]
    public void WithoutATeacherItIsTheLabelBce()
    {
        using var logits = tensor(Logits, float64).reshape(2, 3);
        using var labels = tensor(Labels, float64).reshape(2, 3);
        using var loss = DistillationLoss.Compute(logits, labels);
        Assert.Equal(Explicit(0, 1), loss.item<double>(), 1e-9);
    }

    [Fact]
    public void ImpossibleWeightsAreRefused()
    {
        Assert.Throws<ArgumentException>(() => new DistillationOptions(1.5, 2).Validate());
        Assert.Throws<ArgumentException>(() => new DistillationOptions(0.5, 0).Validate());
    }
}
