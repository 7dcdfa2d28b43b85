using EcgXai.Demo;
using EcgXai.IO;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.Demo;

public class DemoPipelineTests
{
    [Fact]
    public void TinyDemoRunsEndToEndThroughTheRealLoadersAndResumes()
    {
        using var dir = new TempDir();
        var options = new DemoOptions(dir.Path) { TrainRecords = 120, ShiftRecords = 30, Epochs = 1, BatchSize = 16, Seed = 3 };
        var stages = new List<string>();
        DemoResult result = DemoPipeline.Run(options, new SynchronousProgress<DemoProgress>(p => stages.Add(p.Stage)));

        Assert.Equal(["synth", "cohort", "teacher", "student", "evaluate teacher", "evaluate student", "explain"], stages.Distinct().ToArray());
        Assert.True(File.Exists(Path.Combine(dir.Path, "data", "cohort.csv")));
        Assert.True(File.Exists(Path.Combine(dir.Path, "teacher", "models", "best.safetensors")));
        Assert.True(File.Exists(Path.Combine(dir.Path, "student", "models", "best.safetensors")));
        Assert.True(File.Exists(Path.Combine(dir.Path, "student", "data", "teacher_train.safetensors")));
        foreach (var report in new[] { result.Teacher, result.Student })
        {
            Assert.Equal(2, report.Datasets.Count);
            Assert.All(report.Datasets, d => Assert.Equal(6, d.Classes.Count));
        }
        string[] ranking = File.ReadAllLines(Path.Combine(dir.Path, "explain", "af_concepts.csv"));
        Assert.Equal(1 + 160, ranking.Length);
        Assert.True(result.AfConcepts.Records > 0);
        var means = Enumerable.Range(0, result.AfConcepts.Channels).Select(result.AfConcepts.Mean).ToArray();
        Assert.Equal(means.Max(), result.AfConcepts.Mean(result.AfConcepts.Ranking()[0]));

        stages.Clear();
        DemoPipeline.Run(options, new SynchronousProgress<DemoProgress>(p => stages.Add(p.Stage)));
        Assert.DoesNotContain("synth", stages);
    }
}
