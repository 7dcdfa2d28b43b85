using EcgXai.Explain.Faithfulness;
using static TorchSharp.torch;

namespace EcgXai.Tests.Explain.Faithfulness;

public class SrgTests(TrainedToyModel toy) : IClassFixture<TrainedToyModel>
{
    private static readonly SrgSettings Settings = new() { Steps = 8, BatchSize = 32, BootstrapResamples = 400, Seed = 5 };

    private SrgResult Run(IReadOnlyList<string> variants, SrgSettings settings, int records = 96)
    {
        using var data = TrainedToyModel.Data(records, 11);
        using var model = new ExplainedModel(toy.Model);
        return SrgExperiment.Run(model, data, Enumerable.Range(0, records).ToArray(), null, ExplanationVariant.Parse(variants), [model.ClassifierInput], settings, CPU);
    }

    [Fact]
    public void ARandomOrderScoresZeroWithinItsInterval()
    {
        // A correct random order covers 0 with probability 0.95 per seed and place; demand it for 9 of the 10 (seed, place) pairs.
        var covered = new List<bool>();
        var estimates = new List<double>();
        foreach (int seed in Enumerable.Range(1, 5))
        {
            SrgResult result = Run([], Settings with { Seed = seed }, 64);
            foreach (SrgSummary random in result.Summaries().Where(s => s.Variant == "random"))
            {
                covered.Add(random.Srg.Lower <= 0 && 0 <= random.Srg.Upper);
                estimates.Add(random.Srg.Estimate);
            }
        }
        Assert.True(covered.Count(c => c) >= 9, $"random SRG covered 0 in {covered.Count(c => c)} of 10: {string.Join(", ", estimates)}");
    }

    [Fact]
    public void TheTrueOrderBeatsARandomOne()
    {
        SrgResult result = Run(["epsilon_plus_flat/gradient"], Settings);
        var summaries = result.Summaries();
        foreach (string place in result.Places)
        {
            SrgSummary random = summaries.Single(s => s.Variant == "random" && s.Place == place);
            SrgSummary lrp = summaries.Single(s => s.Variant == "epsilon_plus_flat/gradient" && s.Place == place);
            Assert.True(lrp.Srg.Lower > random.Srg.Upper, $"LRP SRG at {place}: {lrp.Srg}, random {random.Srg}");
            SrgSummary gradient = summaries.Single(s => s.Variant == "gradient_x_input" && s.Place == place);
            Assert.True(gradient.Srg.Estimate > random.Srg.Upper, $"gradient x input SRG at {place}: {gradient.Srg}");
            Assert.Equal(96, lrp.Records);
        }
        Assert.Equal("cells", summaries.Single(s => s.Variant == "random" && s.Place == "input").FeatureKind);
        Assert.Equal(2 * 7, summaries.Single(s => s.Variant == "random" && s.Place == "input").Features); // 64 samples in 0.1 s cells at 100 Hz
        Assert.Equal(8 * 16, summaries.Single(s => s.Variant == "random" && s.Place == "blocks.1.out").Features);
    }

    [Fact]
    public void TheBestVariantIsTheLrpVariantWithTheHighestInputSrgNeverABaseline()
    {
        SrgResult result = Run(["epsilon_plus_flat/gradient", "epsilon_plus/gradient"], Settings with { Baseline = InputBaseline.LeadMean }, 48);
        SrgChoice choice = result.Best()!;
        double Srg(string v) => result.Curves[(v, "input")].SrgPerRecord().Average();
        Assert.False(choice.Best.IsBaseline);
        Assert.Equal(new[] { "epsilon_plus_flat/gradient", "epsilon_plus/gradient" }.MaxBy(Srg), choice.Best.Name);
        Assert.Equal(Srg(choice.Best.Name) - Srg(choice.RunnerUp!.Name), choice.Lead!.Estimate, 12);
        Assert.Equal(choice.Lead.Lower > 0, choice.LeadHolds);
    }

    [Fact]
    public void TheSameSeedGivesTheSameCurves()
    {
        SrgResult a = Run(["epsilon_plus/pass"], Settings with { Baseline = InputBaseline.LowPass }, 32);
        SrgResult b = Run(["epsilon_plus/pass"], Settings with { Baseline = InputBaseline.LowPass }, 32);
        foreach (var key in a.Curves.Keys)
        {
            Assert.Equal(a.Curves[key].SrgPerRecord(), b.Curves[key].SrgPerRecord());
        }
    }

    [Fact]
    public void VariantsParseAsTheCompositeByPolicyGridPlusBothBaselines()
    {
        Assert.Equal(5 * 4 + 2, ExplanationVariant.Parse(["all"]).Count);
        var some = ExplanationVariant.Parse(["epsilon_plus", "epsilon_gamma_box/fold", "random"]);
        Assert.Equal(["epsilon_plus/gradient", "epsilon_plus/pass", "epsilon_plus/epsilon", "epsilon_plus/fold", "epsilon_gamma_box/fold", "gradient_x_input", "random"], some.Select(v => v.Name));
        Assert.Throws<ArgumentException>(() => ExplanationVariant.Parse(["epsilon_minus"]));
        Assert.Throws<ArgumentException>(() => ExplanationVariant.Parse(["epsilon_plus/folded"]));
    }
}
