using EcgXai.IO;
using EcgXai.Models;
using EcgXai.Tests.Support;
using static TorchSharp.torch;

namespace EcgXai.Tests.Models;

public class TeacherTests
{
    private static (string Onnx, Tensor X, Tensor Logits) Fixture()
    {
        string onnx = SharedData.Require("fixtures/onnx-teacher/resnet1d-reference.onnx");
        var (tensors, _) = SafeTensors.Read(SharedData.Require("fixtures/lrp-reference/epsilon-plus-flat.safetensors"));
        return (onnx, tensors["ref.x"].to(ScalarType.Float32), tensors["ref.logits"]);
    }

    private static double MaxError(Tensor actual, Tensor expected) =>
        (actual.to(ScalarType.Float64) - expected.to(ScalarType.Float64)).abs().max().item<double>();

    [SkippableFact]
    public void OnnxTeacherReproducesFixtureLogits()
    {
        var (onnx, x, logits) = Fixture();
        using var raw = TeacherLoader.Load(onnx, new TeacherOptions(TeacherOutput.Probabilities));
        Assert.IsType<OnnxTeacher>(raw);
        Assert.Equal((12, 1024), (raw.LeadCount, raw.InputLength));
        Assert.Equal(ResNet1dConfig.DefaultClasses, raw.ClassNames);
        using var output = raw.Predict(x);
        Assert.True(MaxError(output, logits) < 1e-5, $"logits error {MaxError(output, logits)}");

        using var teacher = TeacherLoader.Load(onnx, new TeacherOptions(TeacherOutput.Logits));
        using var probabilities = teacher.Predict(x);
        Assert.True(MaxError(probabilities, logits.sigmoid()) < 1e-6);
    }

    [SkippableFact]
    public void CheckpointTeacherAgreesWithOnnxExportOfTheSameWeights()
    {
        var (onnx, x, _) = Fixture();
        var (tensors, _) = SafeTensors.Read(SharedData.Require("fixtures/lrp-reference/epsilon-plus-flat.safetensors"));
        using var dir = new TempDir();
        using (var model = new ResNet1d(TestModels.Fixture))
        {
            Checkpoint.LoadStateDict(model, tensors.Where(p => !p.Key.StartsWith("ref.", StringComparison.Ordinal)).ToDictionary(), "fixture");
            Checkpoint.Save(model, dir.File("fixture.safetensors"));
        }
        using var fromCheckpoint = TeacherLoader.Load(dir.File("fixture.safetensors"), new TeacherOptions(Device: CPU));
        using var fromOnnx = TeacherLoader.Load(onnx, new TeacherOptions());
        Assert.IsType<CheckpointTeacher>(fromCheckpoint);
        using var a = fromCheckpoint.Predict(x);
        using var b = fromOnnx.Predict(x);
        Assert.True(MaxError(a, b) < 1e-6, $"error {MaxError(a, b)}");
    }

    [SkippableFact]
    public void MismatchedInputShapeNamesTheFile()
    {
        var (onnx, _, _) = Fixture();
        using var teacher = TeacherLoader.Load(onnx, new TeacherOptions());
        using var wrongLength = zeros(2, 12, 4096);
        var e = Assert.Throws<EcgXaiException>(() => teacher.Predict(wrongLength));
        Assert.Equal(onnx, e.Path);
        Assert.Contains("expects input (batch, 12, 1024) but the data give (2, 12, 4096)", e.Message);
        using var wrongLeads = zeros(2, 8, 1024);
        Assert.Contains("(2, 8, 1024)", Assert.Throws<EcgXaiException>(() => teacher.Predict(wrongLeads)).Message);
    }

    [SkippableFact]
    public void OnnxClassNamesAreCheckedAgainstOutputs()
    {
        var (onnx, _, _) = Fixture();
        var e = Assert.Throws<EcgXaiException>(() => TeacherLoader.Load(onnx, new TeacherOptions(ClassNames: ["AF", "RBBB"])));
        Assert.Contains("2 class names (AF,RBBB) for 6 outputs", e.Message);
        Assert.Contains("has no output 'probs'", Assert.Throws<EcgXaiException>(() => TeacherLoader.Load(onnx, new TeacherOptions(OutputName: "probs"))).Message);
        using var renamed = TeacherLoader.Load(onnx, new TeacherOptions(ClassNames: ["a", "b", "c", "d", "AF", "f"]));
        Assert.Equal([4, 0], TeacherLoader.ColumnsFor(renamed, ["af", "a"]));
        Assert.Contains("no output for class 'ST'", Assert.Throws<EcgXaiException>(() => TeacherLoader.ColumnsFor(renamed, ["ST"])).Message);
    }

    [Fact]
    public void CheckpointTeacherGivesSigmoidOfLogits()
    {
        using var dir = new TempDir();
        using var model = TestModels.Random(TestModels.Tiny, 11);
        Checkpoint.Save(model, dir.File("t.safetensors"));
        using var teacher = TeacherLoader.Load(dir.File("t.safetensors"), new TeacherOptions(Device: CPU));
        using var x = randn(5, 12, 64);
        using var expected = model.forward(x).sigmoid();
        using var actual = teacher.Predict(x);
        Assert.Equal(0.0, MaxError(actual, expected));
        Assert.Contains("expects input (batch, 12, 64)", Assert.Throws<EcgXaiException>(() => teacher.Predict(zeros(1, 12, 65))).Message);
        Assert.Throws<EcgXaiException>(() => TeacherLoader.Load(dir.File("t.safetensors"), new TeacherOptions(ClassNames: ["AF"])));
    }

    [Fact]
    public void MissingOrCorruptTeacherFilesAreNamed()
    {
        using var dir = new TempDir();
        string missing = dir.File("missing.onnx");
        Assert.Equal(missing, Assert.Throws<EcgXaiException>(() => TeacherLoader.Load(missing, new TeacherOptions())).Path);
        string corrupt = dir.File("corrupt.onnx");
        File.WriteAllText(corrupt, "not a protobuf");
        var e = Assert.Throws<EcgXaiException>(() => TeacherLoader.Load(corrupt, new TeacherOptions()));
        Assert.Equal(corrupt, e.Path);
        Assert.Contains("not a loadable ONNX model", e.Message);
    }

    [Fact]
    public void ChannelsLastOnnxInputIsTransposedAndMetadataNamesClasses()
    {
        using var dir = new TempDir();
        string path = dir.File("keras-like.onnx");
        // (batch, 64 samples, 3 leads) -> mean over time -> (batch, 3)
        File.WriteAllBytes(path, TinyOnnx.ReduceMean([0, 64, 3], [0, 3], 1, new Dictionary<string, string> { ["class_names"] = "AF, RBBB,ST" }));
        using var teacher = TeacherLoader.Load(path, new TeacherOptions(TeacherOutput.Probabilities));
        Assert.Equal((3, 64), (teacher.LeadCount, teacher.InputLength));
        Assert.Equal(["AF", "RBBB", "ST"], teacher.ClassNames);
        using var x = rand(4, 3, 64);
        using var y = teacher.Predict(x);
        Assert.True(MaxError(y, x.mean([2])) < 1e-6);
        Assert.Contains("expects input (batch, 3, 64)", Assert.Throws<EcgXaiException>(() => teacher.Predict(rand(4, 64, 3))).Message);
    }

    [Fact]
    public void DynamicLengthChannelsFirstOnnxNeedsClassNamesForUnusualWidths()
    {
        using var dir = new TempDir();
        string path = dir.File("dynamic.onnx");
        // (batch, 2 leads, any length) -> mean over time -> (batch, 2)
        File.WriteAllBytes(path, TinyOnnx.ReduceMean([0, 2, 0], [0, 2], 2));
        var e = Assert.Throws<EcgXaiException>(() => TeacherLoader.Load(path, new TeacherOptions()));
        Assert.Contains("has 2 outputs and no 'class_names' metadata", e.Message);
        using var teacher = TeacherLoader.Load(path, new TeacherOptions(ClassNames: ["AF", "SB"]));
        Assert.Equal((2, (int?)null), (teacher.LeadCount, teacher.InputLength));
        using var x = randn(3, 2, 50);
        using var y = teacher.Predict(x);
        Assert.True(MaxError(y, x.mean([2]).sigmoid()) < 1e-6);
    }
}
