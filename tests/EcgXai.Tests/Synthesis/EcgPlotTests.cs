using System.Buffers.Binary;
using EcgXai.Reports;
using EcgXai.Signals;
using EcgXai.Synthesis;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.Synthesis;

public class EcgPlotTests
{
    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    [Fact]
    public void TwelveLeadPageIsDrawnAt25MillimetresPerSecond()
    {
        EcgRecord rec = EcgSynthesizer.Generate(SynthFixtures.OnlyClass(SyntheticLabels.RightBundleBranchBlock), 1, 0, 10, "rbbb").Record;
        // 10 s at 25 mm/s = 250 mm plus the 12-mm calibration margin; 4 rows of 30 mm plus a 10-mm title; 6 px/mm.
        Assert.Equal((262 * 6, 130 * 6), PngSize(EcgPlot.RenderPng(rec, new EcgPlotOptions())));
        Assert.Equal((137 * 4, 130 * 4), PngSize(EcgPlot.RenderPng(rec, new EcgPlotOptions(Seconds: 5, PixelsPerMillimetre: 4))));
    }

    [Fact]
    public void OtherLeadSetsGetOneRowPerLead()
    {
        EcgRecord twelve = EcgSynthesizer.Generate(SynthesisSettings.Default, 1, 2, 10, "x").Record;
        float[] two = twelve.Samples[..(2 * twelve.SampleCount)];
        EcgRecord rec = twelve with { Samples = two, LeadCount = 2, Leads = ["I", "II"] };
        Assert.Equal((262 * 6, 70 * 6), PngSize(EcgPlot.RenderPng(rec, new EcgPlotOptions())));
    }

    [Fact]
    public void PlotVerbDrawsAWfdbRecordAndNamesABadOne()
    {
        using var dir = new TempDir();
        EcgRecord rec = EcgSynthesizer.Generate(SynthesisSettings.Default, 1, 3, 12, "A0001").Record;
        WfdbWriter.Write(dir.File("A0001"), rec, WfdbWriteOptions.Cinc);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Assert.Equal(0, CliRunner.Run(["plot", dir.File("A0001.hea"), "--out", dir.File("a.png"), "--seconds", "12"], stdout, stderr));
        Assert.Equal((312 * 6, 130 * 6), PngSize(File.ReadAllBytes(dir.File("a.png"))));

        File.WriteAllBytes(dir.File("A0001.dat"), File.ReadAllBytes(dir.File("A0001.dat"))[..1000]);
        Assert.Equal(1, CliRunner.Run(["plot", dir.File("A0001"), "--out", dir.File("b.png")], stdout, stderr));
        Assert.Contains("A0001", stderr.ToString());
        Assert.False(File.Exists(dir.File("b.png")));
    }

    [SkippableFact]
    public void PlotSourceReadsWfdbMat5AndHdf5Records()
    {
        string mat = SharedData.Require("data/cpsc2018-original/A1980.mat");
        string h5 = SharedData.Require("data/cinc2021-smoke/SPH/SPH00001.h5");
        string cinc = SharedData.Require("data/cinc2021-smoke/CPSC_CPSC-Extra/A0002.mat");
        string single = SharedData.Require("data/cinc2017/A00001.hea");
        Assert.Equal(12, PlotSource.Read(mat, 500).LeadCount);
        Assert.Equal(250, PlotSource.Read(h5, 250).SampleRate);
        Assert.Equal("A0002", PlotSource.Read(cinc, 500).Id);
        EcgRecord one = PlotSource.Read(single, 500);
        Assert.Equal(300, one.SampleRate);
        Assert.Equal((262 * 6, 40 * 6), PngSize(EcgPlot.RenderPng(one, new EcgPlotOptions())));
    }

    [Fact]
    public void SynthVerbWritesALayoutAndRejectsBadOptions()
    {
        using var dir = new TempDir();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        string outDir = dir.File("cpsc");
        Assert.Equal(0, CliRunner.Run(["synth", "--out", outDir, "--layout", "cpsc2018", "--records", "3", "--seed", "9", "--preset", "shift"], stdout, stderr));
        Assert.Equal(4, File.ReadAllLines(Path.Combine(outDir, "REFERENCE.csv")).Length);
        Assert.Contains("wrote 3 records", stdout.ToString());
        Assert.Equal(2, CliRunner.Run(["synth", "--out", dir.File("x"), "--layout", "mitdb", "--records", "3", "--seed", "1"], stdout, stderr));
        Assert.Equal(2, CliRunner.Run(["synth", "--out", dir.File("x"), "--layout", "ptbxl", "--records", "3", "--seed", "1", "--preset", "other"], stdout, stderr));
        Assert.Equal(2, CliRunner.Run(["synth", "--out", dir.File("x"), "--layout", "ptbxl", "--records", "3", "--seed", "-1"], stdout, stderr));
        Assert.Equal(2, CliRunner.Run(["synth", "--out", dir.File("x"), "--layout", "ptbxl", "--records", "0", "--seed", "1"], stdout, stderr));
        Assert.False(Directory.Exists(dir.File("x")));
    }
}
