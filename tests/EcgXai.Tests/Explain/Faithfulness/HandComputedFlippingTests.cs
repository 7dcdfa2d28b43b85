using EcgXai.Explain.Faithfulness;
using EcgXai.Models;
using EcgXai.Tests.Explain;
using static TorchSharp.torch;

namespace EcgXai.Tests.Explain.Faithfulness;

public class HandComputedFlippingTests
{
    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    [Fact]
    public void MifAndLifOnALinearModelMatchAHandComputation()
    {
        // logit = w·x + 0.1 with w = [1, -2, 0.5, 3]; one sample per cell, zero baseline, relevance w ⊙ x (exact for a
        // linear model). Record 0: x = [2, 1, 4, -1], contributions [2, -2, 2, -3], full logit -0.9;
        //   MIF [0, 2, 1, 3] (the tie 2 = 2 keeps feature order): logits -2.9, -4.9, -2.9, 0.1;
        //   LIF [3, 1, 2, 0]: logits 2.1, 4.1, 2.1, 0.1.
        // Record 1: x = [-1, 0, 1, 1], contributions [-1, 0, 0.5, 3], full logit 2.6;
        //   MIF [3, 2, 1, 0]: logits -0.4, -0.9, -0.9, 0.1; LIF [0, 1, 2, 3]: logits 3.6, 3.6, 3.1, 0.1.
        var place = new LinearPlace([1, -2, 0.5, 3], 0.1, 1);
        using Tensor x = tensor(new double[] { 2, 1, 4, -1, -1, 0, 1, 1 }).view(2, 1, 4);
        using Tensor w = tensor(new double[] { 1, -2, 0.5, 3 }).view(1, 1, 4);
        var grid = FeatureGrid.Cells(1, 4, 1);
        using IFlipSession session = place.Open(x);
        using Tensor relevance = grid.Relevance(x.mul(w));
        using Tensor baseline = InputBaselines.Of(x, InputBaseline.Zero, 1);
        FlipCurves curves = Flipping.Run(session, grid, relevance, baseline, [0, 0], 4);

        double[][] mif = [[-2.9, -4.9, -2.9, 0.1], [-0.4, -0.9, -0.9, 0.1]];
        double[][] lif = [[2.1, 4.1, 2.1, 0.1], [3.6, 3.6, 3.1, 0.1]];
        for (int r = 0; r < 2; r++)
        {
            for (int k = 0; k < 4; k++)
            {
                Assert.Equal(Sigmoid(mif[r][k]), curves.Mif(r, k), 12);
                Assert.Equal(Sigmoid(lif[r][k]), curves.Lif(r, k), 12);
            }
            double srg = Enumerable.Range(0, 4).Average(k => Sigmoid(lif[r][k]) - Sigmoid(mif[r][k]));
            Assert.Equal(srg, curves.Srg(r), 12);
        }
        Assert.Equal(0, curves.Mif(0, 3) - curves.Lif(0, 3), 15); // the fully flipped end contributes 0
        Assert.Equal([4L, 4, 4, 4], place.ForwardRows); // one forward per step over both orders of both records
    }

    [Fact]
    public void RestartingAResNetAtTheClassifierInputWithItsOwnActivationsGivesItsLogitsAndZerosGiveTheBias()
    {
        using ResNet1d model = ExplainTestModels.Create(3);
        using Tensor x = ExplainTestModels.Input(4, 3);
        using var explained = new ExplainedModel(model);
        IFlipPlace place = explained.Place(explained.ClassifierInput);
        Assert.Equal("blocks.2.out", place.Name);
        using IFlipSession session = place.Open(x);
        using var _ = no_grad();
        using Tensor expected = model.forward(x);
        using Tensor restarted = session.Logits(cat([session.Activations, session.Activations], 0));
        Assert.Equal(0, restarted.narrow(0, 0, 3).sub(expected).abs().max().item<double>(), 12);
        Assert.Equal(0, restarted.narrow(0, 3, 3).sub(expected).abs().max().item<double>(), 12);
        using Tensor bias = session.Logits(zeros_like(session.Activations));
        Assert.Equal(0, bias.sub(model.lin.bias!.unsqueeze(0)).abs().max().item<double>(), 12);
    }
}
