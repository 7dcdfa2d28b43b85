using System.Text.Json.Nodes;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.Explain;

/// <summary><c>ecgxai bench explain --json</c> prints exactly one JSON line with the agreed figures (no timing assertions).</summary>
public class ExplainBenchCommandTests
{
    [Fact]
    public void JsonModePrintsOneLineWithTheAgreedKeys()
    {
        var stdout = new StringWriter();
        // --json before the kind (issue 14: it used to be passed on wrongly).
        int code = CliRunner.Run(["bench", "--json", "explain", "--preset", "compact", "--batch", "8", "--repeats", "1"], stdout, TextWriter.Null);
        Assert.Equal(0, code);
        string[] lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        JsonObject figures = Assert.Single(lines.Select(l => JsonNode.Parse(l)!.AsObject()));
        Assert.Equal(["batch", "forward_s", "lrp_heatmap_s", "n_concepts", "crp_concepts_s", "lrp_8_s", "peak_rss_mb"], figures.Select(f => f.Key));
        Assert.Equal(8, figures["batch"]!.GetValue<int>());
        Assert.Equal(8, figures["n_concepts"]!.GetValue<int>());
        Assert.All(figures, f => Assert.True(f.Value!.GetValue<double>() > 0, f.Key));
    }

    [Fact]
    public void BatchSmallerThanTheConceptCountIsRejected()
    {
        var stderr = new StringWriter();
        Assert.Equal(2, CliRunner.Run(["bench", "explain", "--preset", "compact", "--batch", "4"], TextWriter.Null, stderr));
        Assert.Contains("at least 8", stderr.ToString());
    }
}
