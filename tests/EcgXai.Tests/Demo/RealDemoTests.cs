using EcgXai.Demo;
using EcgXai.IO;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.Demo;

public class RealDemoTests
{
    [SkippableFact]
    public void TheShippedStudentIsAnalysedOnTheRealRecordsWithoutTraining()
    {
        SharedData.Require(Path.Combine("data", RealDemo.PtbXlFolder));
        SharedData.Require(Path.Combine("data", RealDemo.CpscFolder));
        using var temp = new TempDir();
        string model = Path.Combine(SharedData.RepoRoot, "models", "ptbxl-af-12lead", "model.safetensors");
        var options = DemoOptions.Real(temp.File("real demo"), Path.Combine(SharedData.Root!, "data")) with
        {
            RealModel = model,
            SrgVariants = ["epsilon_plus_flat/gradient"],
            SrgLayers = ["blocks.3.out"],
            SrgRecords = 8,
            SrgSteps = 4,
            PruneKeep = [1, 25, null],
            PruneDraws = 2,
        };
        var stages = new List<string>();

        DemoResult result = DemoPipeline.Run(options, new SynchronousProgress<DemoProgress>(p => stages.Add(p.Stage)));

        Assert.Equal(["evaluate student", "srg", "prune", "explain", "atlas"], stages.Distinct().ToArray());
        Assert.Null(result.Teacher);
        Assert.Null(result.Evidence);
        Assert.Equal(2, result.Student.Datasets.Count);
        Assert.All(result.Student.Datasets, d => Assert.Equal("AF", d.Classes.Single().ClassName));
        Assert.Equal(89, result.Student.Datasets[0].RecordIds.Count); // PTB-XL fold 10 of the shared records
        Assert.Equal(["input", "blocks.3.out"], result.Srg!.BestByPlace.Select(p => p.Place).ToArray());
        Assert.NotEmpty(result.Pruning);
        Assert.Equal(result.AfConcepts.Max(r => r.NormalisedMean), result.AfConcepts[0].NormalisedMean);
        Assert.Contains(result.Purity, p => p.Labels == "delineated");
        Assert.True(File.Exists(result.AtlasPath));
        Assert.DoesNotContain(Directory.GetDirectories(options.OutDirectory), d => Path.GetFileName(d) is "teacher" or "student" or "data");
        string[] summary = result.Summary().ToArray();
        Assert.Contains(summary, l => l.StartsWith("student AUROC, out of distribution (challenge:", StringComparison.Ordinal));
        Assert.Contains(summary, l => l.StartsWith("top AF concepts", StringComparison.Ordinal) && l.Contains(", delineated)"));
        Assert.EndsWith(result.AtlasPath, summary[^1]);
    }
}
