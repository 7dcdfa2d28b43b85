using System.Globalization;
using EcgXai.Explain.Concepts;
using EcgXai.Explain.Waves;
using EcgXai.Synthesis;

namespace EcgXai.Tests.Explain.Concepts;

public class ConceptPurityStageTests(ConceptRunFixture fixture) : IClassFixture<ConceptRunFixture>
{
    [Fact]
    public void ConceptsWritesPurityOfTheTopConceptsWithBothLabelSources()
    {
        string folder = fixture.NewFolder("purity");
        var options = new ConceptOptions(fixture.Model, fixture.Data, "AF", folder)
        {
            Records = ConceptRecords.All,
            BatchSize = 5,
            Device = "cpu",
            CacheDirectory = fixture.Cache,
            TopK = 4,
            Replicates = 0,
            ReferenceCount = 3,
            TopConcepts = 2,
            Layers = ["blocks.0.out", "blocks.2.out"],
            Positions = false,
        };
        ConceptResult result = ConceptAnalysis.Run(options);
        IReadOnlyList<PurityRow> rows = Assert.IsAssignableFrom<IReadOnlyList<PurityRow>>(result.Purity);
        // Synthetic data carry .waves sidecars: every top concept gets a ground-truth row and a delineated row.
        foreach (string layer in options.Layers)
        {
            var concepts = result.Summary!.Ranking(layer).Take(2).Select(r => r.Concept).ToHashSet();
            Assert.Equal(concepts, rows.Where(r => r.Layer == layer && r.Labels == PurityRow.GroundTruth).Select(r => r.Concept).ToHashSet());
            Assert.Equal(concepts, rows.Where(r => r.Layer == layer && r.Labels == PurityRow.Delineated).Select(r => r.Concept).ToHashSet());
        }
        foreach (PurityRow row in rows)
        {
            Assert.Equal(3, row.References);
            // NaN only with one wave class on the references (the tiny model's short inputs) or no positive relevance (it is random).
            if (double.IsNaN(row.Purity))
            {
                Assert.True(row.WaveShare.Count < 2 || row.WaveShare.Values.All(s => s == 0), $"{row.Layer} {row.Concept} {row.Labels}");
            }
            else
            {
                Assert.InRange(row.Purity, 0, 1);
                Assert.Equal(1, row.WaveShare.Values.Sum(), 9);
            }
        }
        string[] csv = File.ReadAllLines(Path.Combine(result.Directory, "purity.csv"));
        Assert.Equal(rows.Count + 1, csv.Length);
        Assert.Equal(rows[0].Purity, double.Parse(csv[1].Split(',')[5], CultureInfo.InvariantCulture));
        Assert.Contains(rows, r => !double.IsNaN(r.Purity));
        Assert.All(rows.Select(r => r.Layer).Distinct(), layer => Assert.True(new FileInfo(Path.Combine(result.Directory, $"purity-{layer}.png")).Length > 1000));
        Assert.Contains("mean_absolute_change", File.ReadAllText(Path.Combine(result.Directory, "purity.json")));

        string off = fixture.NewFolder("nopurity");
        Assert.Null(ConceptAnalysis.Run(options with { OutDirectory = off, Purity = false }).Purity);
        Assert.False(File.Exists(Path.Combine(ConceptAnalysis.DirectoryOf(off), "purity.csv")));
    }

    [Fact]
    public void GroundTruthOnTheInputGridFollowsResamplingAndCentreCropping()
    {
        var labels = Enumerable.Range(0, 1000).Select(t => t < 500 ? WaveLabel.P : WaveLabel.Qrs).ToArray();
        var source = new WaveAnnotation(500, [100, 700], labels);
        // 500 Hz -> 100 Hz gives 200 samples; cropped to the centre 100: samples 50..149, the switch at 100.
        WaveAnnotation grid = InputWaves.OnGrid(source, 100, 100);
        Assert.Equal(Enumerable.Range(0, 100).Select(t => t < 50 ? WaveLabel.P : WaveLabel.Qrs), grid.Labels);
        Assert.Equal([90], grid.BeatSamples);
        // Padded to 300: 50 baseline samples on each side.
        WaveAnnotation padded = InputWaves.OnGrid(source, 100, 300);
        Assert.Equal(WaveLabel.Baseline, padded.Labels[49]);
        Assert.Equal(WaveLabel.P, padded.Labels[50]);
        Assert.Equal(WaveLabel.Qrs, padded.Labels[150]);
        Assert.Equal(WaveLabel.Baseline, padded.Labels[250]);
        Assert.Equal([70, 190], padded.BeatSamples);
    }
}
