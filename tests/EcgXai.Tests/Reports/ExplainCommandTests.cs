using System.Text.Json.Nodes;
using EcgXai.Models;
using EcgXai.Signals;
using EcgXai.Synthesis;
using EcgXai.Tests.Models;
using EcgXai.Tests.Support;
using SkiaSharp;

namespace EcgXai.Tests.Reports;

/// <summary><c>ecgxai explain</c> on one record file with a small random model: outputs, and bad input.</summary>
public class ExplainCommandTests
{
    private static (TempDir Dir, string Model, string Record) Setup()
    {
        var dir = new TempDir();
        string model = dir.File("model dir/m.safetensors");
        Directory.CreateDirectory(Path.GetDirectoryName(model)!);
        using (ResNet1d m = TestModels.Random(TestModels.Tiny, 4))
        {
            Checkpoint.Save(m, model);
        }
        EcgRecord rec = EcgSynthesizer.Generate(SynthesisSettings.Default, 1, 3, 10, "A0001").Record;
        Directory.CreateDirectory(dir.File("my records"));
        string record = dir.File("my records/A0001");
        WfdbWriter.Write(record, rec, WfdbWriteOptions.Cinc);
        return (dir, model, record + ".hea");
    }

    [Fact]
    public void ExplainsOneRecordWithHeatmapsConceptsAndAPage()
    {
        var (dir, model, record) = Setup();
        using (dir)
        {
            string output = dir.File("out put");
            var (code, stdout, stderr) = CliRunner.Run("explain", "--model", model, "--record", record, "--target", "AF", "--concepts", "blocks.2.out:3", "--out", output);
            Assert.True(code == 0, stderr);
            Assert.Contains("A0001: AF p=", stdout);

            JsonObject json = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "explanation.json")))!.AsObject();
            // EpsilonPlusFlat's Flat first layer would draw the same heatmap in every lead: ZPlus takes its place there.
            Assert.StartsWith("ZPlus at conv1", json["lead_rule"]!.GetValue<string>());
            JsonObject one = Assert.Single(json["records"]!.AsArray())!.AsObject();
            Assert.Equal("AF", one["target"]!.GetValue<string>());
            Assert.Equal(TestModels.Tiny.ClassNames, one["probabilities"]!.AsObject().Select(p => p.Key));
            Assert.All(one["probabilities"]!.AsObject(), p => Assert.InRange(p.Value!.GetValue<double>(), 0, 1));
            JsonArray concepts = one["concepts"]!.AsArray();
            Assert.Equal(3, concepts.Count);
            double[] relevance = concepts.Select(c => c!["relevance"]!.GetValue<double>()).ToArray();
            Assert.Equal(relevance.OrderByDescending(r => r), relevance);
            Assert.All(concepts, c => Assert.InRange(c!["share"]!.GetValue<double>(), -1, 1));
            Assert.Equal(3, concepts.Select(c => c!["channel"]!.GetValue<int>()).Distinct().Count());

            string html = File.ReadAllText(Path.Combine(output, "index.html"));
            foreach (string png in concepts.Select(c => c!["heatmap"]!.GetValue<string>()).Append(one["heatmap"]!.GetValue<string>()))
            {
                Assert.True(File.Exists(Path.Combine(output, png)), png);
                Assert.Contains(string.Join("/", png.Split('/').Select(Uri.EscapeDataString)), html);
            }
            using SKBitmap heatmap = SKBitmap.Decode(Path.Combine(output, one["heatmap"]!.GetValue<string>()));
            Assert.True(CountColoured(heatmap, red: true) > 0 || CountColoured(heatmap, red: false) > 0, "no relevance colour on the heatmap");
        }
    }

    [Theory]
    [InlineData("--target", "XYZ", "target class 'XYZ' is not an output of the model")]
    [InlineData("--concepts", "blocks.9.out:3", "'blocks.9.out' is not a concept layer")]
    public void BadTargetOrLayerFailsBeforeWriting(string option, string value, string message)
    {
        var (dir, model, record) = Setup();
        using (dir)
        {
            string output = dir.File("out");
            var (code, _, stderr) = CliRunner.Run("explain", "--model", model, "--record", record, option, value, "--out", output);
            Assert.Equal(1, code);
            Assert.Contains(message, Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
            Assert.False(Directory.Exists(output));
        }
    }

    [Theory]
    [InlineData("--concepts", "blocks.2.out")]
    [InlineData("--concepts", "blocks.2.out:0")]
    [InlineData("--ids", "1,2")]
    public void MalformedRequestsAreUsageErrors(string option, string value)
    {
        var (dir, model, record) = Setup();
        using (dir)
        {
            Assert.Equal(2, CliRunner.Run("explain", "--model", model, "--record", record, option, value, "--out", dir.File("o")).Code);
        }
    }

    /// <summary>Pixels clearly red (or blue): the diverging overlay, not the pink paper or the black trace.</summary>
    internal static int CountColoured(SKBitmap bitmap, bool red)
    {
        int n = 0;
        for (int y = 0; y < bitmap.Height; y++)
        {
            for (int x = 0; x < bitmap.Width * 9 / 10; x++)
            {
                SKColor c = bitmap.GetPixel(x, y);
                if (red ? c.Red > 150 && c.Green < 90 && c.Blue < 90 : c.Blue > 150 && c.Red < 110 && c.Green < 130)
                {
                    n++;
                }
            }
        }
        return n;
    }
}
