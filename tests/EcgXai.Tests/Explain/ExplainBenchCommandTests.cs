using System.Text.Json.Nodes;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.Explain;

/// <summary><c>ecgxai bench explain --json</c> prints exactly one JSON line (the only stdout line) with the agreed figures (no timing assertions).</summary>
public class ExplainBenchCommandTests
{
    [Fact]
    public void JsonModePrintsOneLineWithTheAgreedKeysPerBatch()
    {
        var stdout = new StringWriter();
        // --json before the kind (issue 14: it used to be passed on wrongly).
        int code = CliRunner.Run(["bench", "--json", "explain", "--preset", "compact", "--batch", "8", "9", "--repeats", "1",
            "--records-per-piece", "4"], stdout, TextWriter.Null);
        Assert.Equal(0, code);
        JsonObject figures = JsonNode.Parse(Assert.Single(stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)))!.AsObject();
        Assert.Equal(["batch", "forward_s", "lrp_heatmap_s", "n_concepts", "crp_concepts_s", "lrp_8_s", "peak_rss_mb"], figures.Select(f => f.Key).Take(7));
        Assert.Equal([8, 9], figures["batch"]!.AsArray().Select(b => b!.GetValue<int>()));
        foreach (string perBatch in new[] { "forward_s", "lrp_heatmap_s", "lrp_per_forward" })
        {
            Assert.Equal(2, figures[perBatch]!.AsArray().Count);
            Assert.All(figures[perBatch]!.AsArray(), v => Assert.True(v!.GetValue<double>() > 0, perBatch));
        }
        Assert.Equal(8, figures["n_concepts"]!.GetValue<int>());
        Assert.Equal(4, figures["records_per_piece"]!.GetValue<int>());
        Assert.Equal(figures["lrp_heatmap_s"]![0]!.GetValue<double>(), figures["lrp_8_s"]!.GetValue<double>());
        foreach (string single in new[] { "crp_concepts_s", "peak_rss_mb", "lrp_per_record_vs_forward_8", "crp_per_lrp_8" })
        {
            Assert.True(figures[single]!.GetValue<double>() > 0, single);
        }
    }

    [SkippableFact]
    public void OnnxModelRunsTheSameBench()
    {
        string onnx = SharedData.Require("fixtures/lrp-graph/cnn-epsilon-plus-flat.onnx");
        var stdout = new StringWriter();
        Assert.Equal(0, CliRunner.Run(["bench", "explain", "--json", "--model", onnx, "--batch", "8", "--repeats", "1"], stdout, TextWriter.Null));
        JsonObject figures = JsonNode.Parse(stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1])!.AsObject();
        Assert.Equal(onnx, figures["model"]!.GetValue<string>());
        Assert.True(figures["lrp_heatmap_s"]![0]!.GetValue<double>() > 0);
    }

    [Fact]
    public void BatchSmallerThanTheConceptCountIsRejected()
    {
        var stderr = new StringWriter();
        Assert.Equal(2, CliRunner.Run(["bench", "explain", "--preset", "compact", "--batch", "4"], TextWriter.Null, stderr));
        Assert.Contains("at least 8", stderr.ToString());
    }

    [Fact]
    public void PiecesOfOneRecordAreRejected()
    {
        var stderr = new StringWriter();
        Assert.Equal(2, CliRunner.Run(["bench", "explain", "--preset", "compact", "--records-per-piece", "1"], TextWriter.Null, stderr));
        Assert.Contains("--records-per-piece must be at least 2", stderr.ToString());
    }
}
