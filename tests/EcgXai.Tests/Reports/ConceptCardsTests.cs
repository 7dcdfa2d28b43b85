using EcgXai.Reports;
using static TorchSharp.torch;

namespace EcgXai.Tests.Reports;

public class ConceptCardsTests
{
    private static readonly string[] Leads = ["I", "II", "V1"];

    [Fact]
    public void ReferencesAreDrawnInTheLeadProfilesLargestLead()
    {
        using Tensor heatmap = tensor(new float[] { 5, 5, 0, 0, 1, 1 }, [3, 2]);
        Assert.Equal(2, ConceptCards.ShownLead([("I", 0.2), ("V1", 0.7), ("II", 0.1)], Leads, heatmap));
    }

    [Fact]
    public void WithoutAProfileOrWithAnUnknownLeadTheReferencesLargestLeadIsDrawn()
    {
        using Tensor heatmap = tensor(new float[] { 1, 0, -4, -3, 1, 1 }, [3, 2]);
        Assert.Equal(1, ConceptCards.ShownLead([], Leads, heatmap));
        Assert.Equal(1, ConceptCards.ShownLead([("V6", 1.0)], Leads, heatmap));
    }
}
