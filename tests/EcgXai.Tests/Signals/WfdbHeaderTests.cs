using EcgXai.IO;
using EcgXai.Signals;

namespace EcgXai.Tests.Signals;

public class WfdbHeaderTests
{
    [Fact]
    public void ParsesEveryFieldOfTheGrammarWithTabsAndSpaces()
    {
        const string text = "A0001.mat\t3 500/1000(0) 7500 12:33:59 12/05/2020\r\n"
            + "A0001.mat\t16+24\t1000(-12)/uV 16 5 28 -1716 0 lead I\n"
            + "\n"
            + "# Dx: 164889003, 59118001\n"
            + "b.dat 212x1:0+0 200 12 1024\n"
            + "c.dat 80\n"
            + "#Age: 61\n"
            + "#Sex: F\n"
            + "# Labels: STTC, CD\n";
        WfdbHeader h = WfdbHeader.Parse(text, "x/A0001.hea");
        Assert.Equal("A0001", h.RecordName);
        Assert.Equal(500, h.SampleRate);
        Assert.Equal(7500, h.SampleCount);
        Assert.Equal("12:33:59 12/05/2020", h.StartTime);
        Assert.Equal(61, h.Age);
        Assert.Equal(Sex.Female, h.Sex);
        Assert.Equal(["164889003", "59118001", "STTC", "CD"], h.SourceLabels);
        Assert.Equal(["Dx: 164889003, 59118001", "Age: 61", "Sex: F", "Labels: STTC, CD"], h.Comments);

        WfdbSignalSpec a = h.Signals[0];
        Assert.Equal(("A0001.mat", WfdbFormat.Int16, 24L), (a.FileName, a.Format, a.ByteOffset));
        Assert.Equal((1000.0, true, -12, "uV"), (a.Gain, a.IsCalibrated, a.Baseline, a.Units));
        Assert.Equal((16, 5, 28, -1716, 0), (a.AdcResolution, a.AdcZero, a.InitialValue!.Value, a.Checksum!.Value, a.BlockSize));
        Assert.Equal("lead I", a.Description);
        Assert.Equal(1e-3, a.MillivoltsPerUnit);
        Assert.Equal(-1.0, a.ToPhysical(-1012), 12);
        Assert.Equal(-0.001, a.ToPhysical(-1012) * a.MillivoltsPerUnit!.Value, 12);

        WfdbSignalSpec b = h.Signals[1];
        Assert.Equal((WfdbFormat.Packed212, 1, 0, 0L), (b.Format, b.SamplesPerFrame, b.Skew, b.ByteOffset));
        Assert.Equal((200.0, 1024, "mV", (int?)null, (int?)null), (b.Gain, b.Baseline, b.Units, b.InitialValue, b.Checksum));

        WfdbSignalSpec c = h.Signals[2];
        Assert.Equal((WfdbSignalSpec.DefaultGain, false, 0, ""), (c.Gain, c.IsCalibrated, c.Baseline, c.Description));
    }

    [Fact]
    public void RecordLineDefaultsAndNaNAge()
    {
        WfdbHeader h = WfdbHeader.Parse("r 1\nr.dat 16 0/mV 16 0 0 0 0 x\n#Age: NaN\n#Sex: Unknown\n", "r.hea");
        Assert.Equal(WfdbHeader.DefaultSampleRate, h.SampleRate);
        Assert.Null(h.SampleCount);
        Assert.Null(h.Age);
        Assert.Equal(Sex.Unknown, h.Sex);
        Assert.False(h.Signals[0].IsCalibrated);
        Assert.Null(h.Signals[0].Checksum);
        Assert.Empty(h.SourceLabels);
    }

    [Theory]
    [InlineData("r 1 500 10\nr.dat 16x2:3 200\n", 2, 3)]
    [InlineData("r 1 500 10\nr.dat 16:4+8 200\n", 1, 4)]
    public void SamplesPerFrameAndSkewAreParsed(string text, int perFrame, int skew)
    {
        WfdbSignalSpec s = WfdbHeader.Parse(text, "r.hea").Signals[0];
        Assert.Equal((perFrame, skew), (s.SamplesPerFrame, s.Skew));
    }

    [Theory]
    [InlineData("r 1 500 10\nr.dat 16 abc/mV\n", "header", "gain 'abc'")]
    [InlineData("r 1 500 10\nr.dat 16 NaN/mV\n", "header", "gain 'NaN/mV' is not finite")]
    [InlineData("r 1 500 10\nr.dat 16 200(x)/mV\n", "header", "baseline 'x'")]
    [InlineData("r 1 500 10\nr.dat 999 200\n", "format", "format 999")]
    [InlineData("r 1 500 10\nr.dat 16+-4 200\n", "header", "byte offset '-4'")]
    [InlineData("r 1 fast 10\nr.dat 16 200\n", "header", "sampling frequency 'fast'")]
    [InlineData("r/2 2 500 10\nr_1 5\nr_2 5\n", "unsupported", "multi-segment")]
    [InlineData("# only a comment\n", "header", "no record line")]
    public void MalformedHeadersNameTheFileAndField(string text, string reason, string problem)
    {
        var e = Assert.Throws<InvalidRecordException>(() => WfdbHeader.Parse(text, "/data/r.hea"));
        Assert.Equal(reason, e.Reason);
        Assert.StartsWith("/data/r.hea: ", e.Message);
        Assert.Contains(problem, e.Message);
    }
}
