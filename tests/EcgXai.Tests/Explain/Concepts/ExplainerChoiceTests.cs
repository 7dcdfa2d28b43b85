using EcgXai.Explain.Concepts;
using EcgXai.Explain.Attribution;
using EcgXai.Explain.Canonizers;
using EcgXai.Explain.Composites;
using EcgXai.IO;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.Explain.Concepts;

public class ExplainerChoiceTests
{
    private const string Best = """{ "variant": "gamma-box/fold", "composite": "epsilon_gamma_box", "bn2": "fold", "parameters": { "box_low": -3, "box_high": 3 } }""";

    [Fact]
    public void TheBestSrgVariantIsTheDefaultWhenRecorded()
    {
        using var dir = new TempDir();
        string run = Path.Combine(dir.Path, "run"), model = Path.Combine(run, "models", "best.safetensors"), output = Path.Combine(dir.Path, "out");
        var options = new ConceptOptions(model, ["x"], "AF", output);
        Assert.Equal(ExplainerChoice.Default, ExplainerChoice.For(options));

        string fromModelRun = Path.Combine(run, "explain", "srg", "best.json");
        AtomicFile.WriteText(fromModelRun, Best);
        ExplainerChoice choice = ExplainerChoice.For(options);
        Assert.Equal(("epsilon_gamma_box", Bn2Policy.Fold, fromModelRun), (choice.Composite, choice.Bn2, choice.Source));
        Assert.Equal(3, choice.Parameters["box_high"]);
        Assert.Equal("epsilon_gamma_box", choice.Build().Name);

        string fromOutput = Path.Combine(output, "explain", "srg", "best.json");
        AtomicFile.WriteText(fromOutput, Best.Replace("fold\",", "pass\","));
        Assert.Equal((Bn2Policy.Pass, fromOutput), (ExplainerChoice.For(options).Bn2, ExplainerChoice.For(options).Source));
        Assert.Equal(ExplainerChoice.Default with { Composite = "epsilon_plus" }, ExplainerChoice.For(options with { Composite = "epsilon_plus" }));

        AtomicFile.WriteText(fromOutput, "{ \"variant\": null }");
        var error = Assert.Throws<EcgXaiException>(() => ExplainerChoice.For(options));
        Assert.Contains(fromOutput, error.Message);
    }
}
