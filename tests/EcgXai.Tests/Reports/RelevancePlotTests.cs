using EcgXai.IO;
using EcgXai.Reports;
using EcgXai.Signals;
using EcgXai.Synthesis;
using EcgXai.Tests.Synthesis;
using SkiaSharp;

namespace EcgXai.Tests.Reports;

public class RelevancePlotTests
{
    private static EcgRecord Record() => EcgSynthesizer.Generate(SynthesisSettings.Default, 1, 4, 10, "r").Record;

    /// <summary>Counts strongly red and strongly blue pixels below the top <paramref name="skipTop"/> share of the image (where the colour bar is).</summary>
    private static (int Red, int Blue) Colours(byte[] png, double skipTop = 0.1)
    {
        using SKBitmap bitmap = SKBitmap.Decode(png);
        int red = 0, blue = 0;
        for (int y = (int)(bitmap.Height * skipTop); y < bitmap.Height; y++)
        {
            for (int x = 0; x < bitmap.Width; x++)
            {
                SKColor c = bitmap.GetPixel(x, y);
                red += c.Red > 200 && c.Green < 90 && c.Blue < 90 ? 1 : 0;
                blue += c.Blue > 200 && c.Red < 90 && c.Green < 90 ? 1 : 0;
            }
        }
        return (red, blue);
    }

    [Fact]
    public void Positive_relevance_is_red_negative_blue_and_none_leaves_the_trace_black()
    {
        EcgRecord rec = Record();
        int n = rec.SampleCount;
        var values = new float[rec.LeadCount * n];
        int ii = rec.IndexOfLead("II"), v1 = rec.IndexOfLead("V1");
        for (int t = 0; t < n / 2; t++)
        {
            values[(ii * n) + t] = 1;
            values[(v1 * n) + (n / 2) + t] = -1; // V1 is drawn in the third quarter of the record
        }
        (int red, int blue) = Colours(EcgPlot.RenderPng(rec, new EcgPlotOptions(PixelsPerMillimetre: 3), new RelevanceOverlay(rec.Leads, values, "test")));
        (int plainRed, int plainBlue) = Colours(EcgPlot.RenderPng(rec, new EcgPlotOptions(PixelsPerMillimetre: 3)));

        Assert.True(red > 500, $"{red} red pixels");
        Assert.True(blue > 200, $"{blue} blue pixels");
        Assert.Equal((0, 0), (plainRed, plainBlue));

        // Relevance only in V1: no red below the colour bar.
        Array.Clear(values);
        values[(v1 * n) + (n / 2) + 100] = -1;
        (int onlyNegative, int someBlue) = Colours(EcgPlot.RenderPng(rec, new EcgPlotOptions(PixelsPerMillimetre: 3), new RelevanceOverlay(rec.Leads, values, "test")));
        Assert.Equal(0, onlyNegative);
        Assert.True(someBlue > 0);
    }

    [Fact]
    public void Overlay_of_the_wrong_size_is_refused()
    {
        EcgRecord rec = Record();
        var e = Assert.Throws<EcgXaiException>(() => EcgPlot.RenderPng(rec, new EcgPlotOptions(), new RelevanceOverlay(rec.Leads, new float[10], "x")));
        Assert.Contains("relevance holds 10 values", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scale_is_symmetric_and_quantised()
    {
        DivergingScale scale = DivergingScale.Of([0.5f, -2f, float.NaN]);
        Assert.Equal(2, scale.Limit);
        Assert.Equal((DivergingScale.Levels, -DivergingScale.Levels, 0, 0), (scale.Level(2), scale.Level(-5), scale.Level(0.01), scale.Level(double.NaN)));
        Assert.Equal(1, DivergingScale.Of([0f]).Limit);
    }

    [Fact]
    public void Concept_card_draws_references_with_their_heatmaps()
    {
        EcgRecord rec = Record();
        int ii = rec.IndexOfLead("II");
        var refs = Enumerable.Range(0, 6).Select(i =>
        {
            float[] crop = rec.Lead(ii).Slice(100 * i, 160).ToArray();
            float[] heat = crop.Select((_, t) => t is > 60 and < 100 ? 1f : 0f).ToArray();
            return new ConceptReference($"rec{i}", "II", crop, heat, rec.SampleRate, 100 * i, 1.0 / (i + 1));
        }).ToArray();
        var card = new ConceptCardData("blocks.3.out", 7, "AF", refs)
        {
            LeadShares = [("I", 0.2), ("II", 0.7), ("V1", 0.1)],
            WaveShares = [("P", 0.1), ("QRS", 0.8), ("T", 0.1)],
            Purity = 0.55,
        };
        byte[] png = ConceptCard.RenderPng(card);
        (int red, _) = Colours(png, skipTop: 0.1);
        (int bars, _) = Colours(ConceptCard.RenderPng(card with { References = [] }), skipTop: 0.1);
        Assert.True(red > bars + 300, $"{red} red pixels with references, {bars} without");
        Assert.Equal("concept-blocks.3.out-c7.png", ConceptCard.FileName("blocks.3.out", 7));
    }
}
