using EcgXai.Synthesis;

namespace EcgXai.Tests.Synthesis;

public class ClassMixTests
{
    [Fact]
    public void CombinedLabelsHaveTheConfiguredMarginalPrevalences()
    {
        ClassMix mix = SynthesisSettings.Default.Classes;
        var draws = Enumerable.Range(0, 4000).Select(i => mix.Draw(new SynthRandom(3, (ulong)i))).ToList();
        double Rate(string label) => draws.Count(d => d.Contains(label)) / (double)draws.Count;
        Assert.InRange(Rate(SyntheticLabels.AtrialFibrillation), mix.AF - 0.02, mix.AF + 0.02);
        Assert.InRange(Rate(SyntheticLabels.SinusBradycardia), mix.SB - 0.02, mix.SB + 0.02);
        Assert.InRange(Rate(SyntheticLabels.SinusTachycardia), mix.ST - 0.02, mix.ST + 0.02);
        Assert.InRange(Rate(SyntheticLabels.FirstDegreeAvBlock), mix.FirstDegreeAvBlock - 0.02, mix.FirstDegreeAvBlock + 0.02);
        Assert.InRange(Rate(SyntheticLabels.RightBundleBranchBlock), mix.Rbbb - 0.02, mix.Rbbb + 0.02);
        Assert.InRange(Rate(SyntheticLabels.LeftBundleBranchBlock), mix.Lbbb - 0.02, mix.Lbbb + 0.02);
        Assert.Contains(draws, d => d.Count >= 2);
        // Exclusive groups never combine, first-degree block needs sinus rhythm, NORM stands alone.
        Assert.All(draws, d =>
        {
            Assert.True(d.Count(l => l is SyntheticLabels.AtrialFibrillation or SyntheticLabels.SinusBradycardia or SyntheticLabels.SinusTachycardia) <= 1);
            Assert.False(d.Contains(SyntheticLabels.RightBundleBranchBlock) && d.Contains(SyntheticLabels.LeftBundleBranchBlock));
            Assert.False(d.Contains(SyntheticLabels.AtrialFibrillation) && d.Contains(SyntheticLabels.FirstDegreeAvBlock));
            Assert.True(!d.Contains(SyntheticLabels.Normal) || d.Count == 1);
        });
    }

    [Fact]
    public void WithoutCombinationsEveryRecordHasOneLabel()
    {
        var mix = SynthesisSettings.Default.Classes with { Combinations = false };
        var draws = Enumerable.Range(0, 3000).Select(i => mix.Draw(new SynthRandom(4, (ulong)i))).ToList();
        Assert.All(draws, d => Assert.Single(d));
        double normal = 1 - (mix.AF + mix.SB + mix.ST + mix.FirstDegreeAvBlock + mix.Rbbb + mix.Lbbb);
        Assert.InRange(draws.Count(d => d[0] == SyntheticLabels.Normal) / 3000.0, normal - 0.03, normal + 0.03);
    }

    [Fact]
    public void ImpossibleMixesAreRejected()
    {
        var ok = SynthesisSettings.Default.Classes;
        Assert.Throws<ArgumentException>(() => (ok with { AF = 0.6, SB = 0.5 }).Validate());
        Assert.Throws<ArgumentException>(() => (ok with { Rbbb = -0.1 }).Validate());
        Assert.Throws<ArgumentException>(() => (ok with { AF = 0.9, FirstDegreeAvBlock = 0.2 }).Validate());
        Assert.Throws<ArgumentException>(() => (SynthesisSettings.Default with { BradycardiaRate = new ClampedNormal(55, 5, 40, 65) }).Validate());
        ok.Validate();
        SynthesisSettings.Shift.Validate();
    }
}
