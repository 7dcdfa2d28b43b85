using System.Text.RegularExpressions;
using EcgXai.IO;
using EcgXai.Signals;
using EcgXai.Synthesis;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.Synthesis;

public class WfdbWriterTests
{
    private static EcgRecord Record() => EcgSynthesizer.Generate(SynthesisSettings.Default, 2, 0, 10, "rec").Record;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void WrittenRecordsReadBackWithVerifiedChecksums(bool ptbxlStyle)
    {
        using var dir = new TempDir();
        EcgRecord rec = Record() with { SourceLabels = ["164889003", "59118001"] };
        WfdbWriteOptions options = ptbxlStyle ? WfdbWriteOptions.PtbXl : WfdbWriteOptions.Cinc;
        WfdbWriter.Write(dir.File("rec"), rec, options);
        // The reader checks each signal's initial value and checksum against the samples.
        EcgRecord back = WfdbRecordReader.Read(dir.File("rec"));
        Assert.Equal(rec.SampleRate, back.SampleRate);
        Assert.Equal(LeadNames.Standard12, back.Leads);
        Assert.Equal(rec.SampleCount, back.SampleCount);
        for (int k = 0; k < rec.Samples.Length; k++)
        {
            Assert.True(Math.Abs(rec.Samples[k] - back.Samples[k]) <= 0.5 / 1000 + 1e-6, $"sample {k}");
        }
        if (!ptbxlStyle)
        {
            Assert.Equal(rec.Age, back.Age);
            Assert.Equal(rec.Sex, back.Sex);
            Assert.Equal(rec.SourceLabels, back.SourceLabels);
        }
        // Digital Einthoven: each derived lead is within rounding of its formula.
        PhysiologyTests.AssertIdentities(back, 1.5e-3);
    }

    [Fact]
    public void HeaderStylesMatchPtbXlAndCinc()
    {
        using var dir = new TempDir();
        EcgRecord rec = Record();
        string[] ptb = File.ReadAllLines(WfdbWriter.Write(dir.File("00001_lr"), rec, WfdbWriteOptions.PtbXl));
        Assert.Equal("00001_lr 12 500 5000", ptb[0]);
        Assert.Matches(new Regex(@"^00001_lr\.dat 16 1000\.0\(0\)/mV 16 0 -?\d+ \d+ 0 I$"), ptb[1]);
        Assert.EndsWith(" AVR", ptb[4]);
        Assert.Equal(13, ptb.Length);

        string[] cinc = File.ReadAllLines(WfdbWriter.Write(dir.File("A0001"), rec with { SourceLabels = ["426783006"] }, WfdbWriteOptions.Cinc));
        Assert.Matches(new Regex(@"^A0001\.dat 16 1000/mV 16 0 -?\d+ -?\d+ 0 aVR$"), cinc[4]);
        Assert.Equal($"#Age: {rec.Age}", cinc[13]);
        Assert.Equal($"#Sex: {rec.Sex}", cinc[14]);
        Assert.Equal("#Dx: 426783006", cinc[15]);
    }

    [Fact]
    public void ValuesOutsideFormat16AreRefused()
    {
        using var dir = new TempDir();
        EcgRecord rec = Record();
        float[] samples = (float[])rec.Samples.Clone();
        samples[7] = 40f;
        var e = Assert.Throws<EcgXaiException>(() => WfdbWriter.Write(dir.File("big"), rec with { Samples = samples }, WfdbWriteOptions.PtbXl));
        Assert.Contains("does not fit format 16", e.Message);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }
}
