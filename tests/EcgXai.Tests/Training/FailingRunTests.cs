using EcgXai.IO;
using EcgXai.Models;
using EcgXai.Synthesis;
using EcgXai.Tests.Support;
using EcgXai.Training;

namespace EcgXai.Tests.Training;

/// <summary>A refused <c>train</c> or <c>distill</c> changes nothing in its run folder or beside its inputs.</summary>
public class FailingRunTests
{
    private static readonly ResNet1dConfig Tiny = ResNet1dConfig.Compact with { Filters = [4, 8], Lengths = [64, 16], Preset = "custom" };

    private static readonly TrainingOptions Fast = new() { Epochs = 1, BatchSize = 16, Seed = 3, Device = "cpu" };

    [Fact]
    public void ARefusedResumeRewritesNeitherConfigNorSplits()
    {
        using var dir = new TempDir();
        string first = dir.File("a"), second = dir.File("b");
        SyntheticDatasetWriter.Write(new SyntheticDatasetOptions(first, SyntheticLayout.PtbXl, 60, 5, SynthesisSettings.Default));
        SyntheticDatasetWriter.Write(new SyntheticDatasetOptions(second, SyntheticLayout.PtbXl, 60, 6, SynthesisSettings.Default));
        var job = new TrainingJob(["ptbxl:" + first], Tiny, dir.File("run"), Fast) { CacheDirectory = dir.File("cache") };
        TrainingPipeline.Run(job);
        Assert.True(File.Exists(Path.Combine(job.OutDirectory, "data", "skipped.csv")));
        FolderSnapshot run = FolderSnapshot.Of(job.OutDirectory);
        FolderSnapshot data = FolderSnapshot.Of(second);

        var e = Assert.Throws<EcgXaiException>(() => TrainingPipeline.Run(job with { DataSpecs = ["ptbxl:" + second] }));

        Assert.Contains("different training run", e.Message);
        Assert.StartsWith(new RunFolder(job.OutDirectory).StatePath, e.Message);
        run.AssertUnchanged(job.OutDirectory);
        data.AssertUnchanged(second);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("corrupt")]
    public void DistillingFromAMissingOrCorruptTeacherFailsBeforePreparingDataAndLeavesOutUntouched(string damage)
    {
        using var dir = new TempDir();
        string data = dir.File("data");
        SyntheticDatasetWriter.Write(new SyntheticDatasetOptions(data, SyntheticLayout.PtbXl, 20, 5, SynthesisSettings.Default));
        string teacher = dir.File("teacher.safetensors");
        if (damage == "corrupt")
        {
            File.WriteAllBytes(teacher, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
        }
        string output = dir.File("out");
        Directory.CreateDirectory(output);
        FolderSnapshot before = FolderSnapshot.Of(dir.Path);
        var job = new TrainingJob(["ptbxl:" + data], Tiny, output, Fast)
        {
            CacheDirectory = dir.File("cache"),
            Teacher = new TeacherJob(teacher, new TeacherOptions(), new DistillationOptions()),
        };

        var e = Assert.ThrowsAny<EcgXaiException>(() => TrainingPipeline.Run(job));

        Assert.StartsWith(teacher + ": ", e.Message);
        before.AssertUnchanged(dir.Path);
        Assert.False(Directory.Exists(dir.File("cache")), "data were prepared before the teacher was checked");
    }
}
