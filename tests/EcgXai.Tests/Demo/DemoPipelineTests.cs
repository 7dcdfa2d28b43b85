using System.Text.RegularExpressions;
using EcgXai.Demo;
using EcgXai.IO;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.Demo;

public class DemoPipelineTests
{
    [Fact]
    public void TinyDemoRunsEndToEndThroughTheCommandLineAndResumes()
    {
        using var temp = new TempDir();
        string dir = temp.File("demo run"); // a run folder whose path holds a space, as a user's may
        var (code, stdout, stderr) = CliRunner.Run("demo", "--quick", "--seed", "3", "--out", dir);
        Assert.True(code == 0, stderr);
        string[] stages = stderr.Split('\n').Select(l => Regex.Match(l, @"^\[([^\]]+)\] ")).Where(m => m.Success).Select(m => m.Groups[1].Value).Distinct().ToArray();
        Assert.Equal(["synth", "cohort", "teacher", "student", "evaluate teacher", "evaluate student", "srg", "prune", "explain", "evidence", "atlas"], stages);

        // The same options as the command line's, resumed through the library: nothing is recomputed, every result is read back.
        var options = DemoOptions.Quick(dir) with { Seed = 3 };
        var resumed = new List<string>();
        DemoResult result = DemoPipeline.Run(options, new SynchronousProgress<DemoProgress>(p => resumed.Add(p.Stage)));
        Assert.DoesNotContain("synth", resumed);
        Assert.DoesNotContain(resumed, s => s is "srg" or "prune" or "evidence");
        Assert.All(result.Summary(), line => Assert.Contains(line, stdout));
        Assert.True(File.Exists(Path.Combine(dir, "data", "cohort.csv")));
        Assert.True(File.Exists(Path.Combine(dir, "teacher", "models", "best.safetensors")));
        Assert.True(File.Exists(Path.Combine(dir, "student", "models", "best.safetensors")));
        Assert.True(File.Exists(Path.Combine(dir, "student", "data", "teacher_train.safetensors")));
        Assert.True(File.Exists(Path.Combine(dir, "eval", "teacher", "metrics.csv")));
        Assert.True(File.Exists(Path.Combine(dir, "eval", "student", "metrics.csv")));
        Assert.False(Directory.Exists(Path.Combine(dir, "eval", "teacher", "eval")));
        Assert.Equal(Path.Combine(dir, "report", "index.html"), result.AtlasPath);
        Assert.True(File.Exists(result.AtlasPath));
        Assert.True(Directory.Exists(Path.Combine(dir, "data", "synthetic-ptbxl-hard")));
        string[] summary = result.Summary().ToArray();
        Assert.Equal(4 + 2 + 2 + 1 + 1 + 1, summary.Length);
        Assert.True(File.Exists(Path.Combine(dir, "explain", "srg", "curves-input.png")));
        Assert.True(File.Exists(Path.Combine(dir, "explain", "srg", "curves-blocks.4.out.png")));
        Assert.True(File.Exists(Path.Combine(dir, "explain", "prune", "pruning.csv")));
        Assert.True(File.Exists(Path.Combine(dir, "explain", "concepts", "ranking-blocks.4.out.png")));
        Assert.Equal("epsilon_plus_flat/gradient", result.Srg!.Variant);
        Assert.Equal(["input", "blocks.4.out"], result.Srg.BestByPlace.Select(p => p.Place).ToArray());
        Assert.Equal(2, result.Pruning.Count);
        Assert.All(result.Pruning, p => Assert.Equal(5120, p.Units));
        Assert.All(result.Pruning, p => Assert.InRange(p.Relevant, 0, 1));
        Assert.Contains(summary, l => l.StartsWith("best SRG variant at the input: epsilon_plus_flat/gradient", StringComparison.Ordinal));
        Assert.Contains(summary, l => l.StartsWith("AF AUROC keeping 25 of 5120", StringComparison.Ordinal));
        string atlas = File.ReadAllText(result.AtlasPath);
        Assert.Contains("explain/srg", atlas);
        Assert.Contains("explain/prune", atlas);
        Assert.Contains(summary, l => l.StartsWith("student AUROC, out of distribution", StringComparison.Ordinal) && l.Contains("AF "));
        Assert.EndsWith(result.AtlasPath, summary[^1]);
        foreach (var report in new[] { result.Teacher!, result.Student })
        {
            Assert.Equal(2, report.Datasets.Count);
            Assert.All(report.Datasets, d => Assert.Equal(6, d.Classes.Count));
        }
        string[] statistics = File.ReadAllLines(Path.Combine(dir, "explain", "concepts", "statistics.csv"));
        Assert.Contains(statistics, l => l.StartsWith("all,blocks.4.out,159,", StringComparison.Ordinal));
        Assert.Equal(160, result.AfConcepts.Count);
        Assert.True(result.AfConcepts[0].Records > 0);
        Assert.Equal(result.AfConcepts.Max(r => r.NormalisedMean), result.AfConcepts[0].NormalisedMean);
        Assert.Equal(Enumerable.Range(1, 160), result.AfConcepts.Select(r => r.Rank));
        Assert.Contains(result.Purity, p => p.Layer == "blocks.4.out" && p.Concept == result.AfConcepts[0].Concept && p.Labels == "groundtruth");
        Assert.Contains(summary, l => l.StartsWith("top AF concepts", StringComparison.Ordinal) && l.Contains(" purity "));
        Assert.True(File.Exists(Path.Combine(dir, "evidence", "explain", "groundtruth", "scores.csv")));
        Assert.Equal("qrs-wide", result.Evidence!.Kind);
        Assert.InRange(result.Evidence.Best.MassAccuracy, 0, 1);
        Assert.Equal(result.Evidence.Best.RegionShare, result.Evidence.Random.RegionShare, 12);
        Assert.Contains(summary, l => l.StartsWith("planted evidence (qrs-wide", StringComparison.Ordinal));
    }
}
