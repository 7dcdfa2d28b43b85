using EcgXai.IO;
using EcgXai.Synthesis;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.Synthesis;

public class WaveAnnotationTests
{
    private static WaveAnnotation Sample() =>
        EcgSynthesizer.Generate(SynthesisSettings.Default, 1, 4, 10, "w").Waves;

    [Fact]
    public void SidecarRoundTripsExactly()
    {
        using var dir = new TempDir();
        WaveAnnotation w = Sample();
        string path = WaveAnnotation.SidecarPath(dir.File("rec"));
        w.Save(path);
        WaveAnnotation back = WaveAnnotation.Load(path);
        Assert.Equal(w.SampleRate, back.SampleRate);
        Assert.Equal(w.BeatSamples, back.BeatSamples);
        Assert.Equal(w.Labels, back.Labels);
        Assert.True(new FileInfo(path).Length < 1000, "run-length encoding keeps the sidecar compact");
    }

    [Fact]
    public void DecimationKeepsBeatsAndLabelsAligned()
    {
        WaveAnnotation w = Sample();
        WaveAnnotation low = w.Decimate(5);
        Assert.Equal(100, low.SampleRate);
        Assert.Equal(w.Labels.Count / 5, low.Labels.Count);
        Assert.Equal(w.BeatSamples.Count, low.BeatSamples.Count);
        Assert.All(low.BeatSamples.Zip(w.BeatSamples), p => Assert.InRange(p.First * 5 - p.Second, -3, 3));
        Assert.All(low.BeatSamples, b => Assert.Equal(WaveLabel.Qrs, low.Labels[b]));
    }

    [Fact]
    public void DamagedSidecarsAreRefusedNamingTheFile()
    {
        using var dir = new TempDir();
        string path = dir.File("rec.waves");
        Sample().Save(path);
        byte[] good = File.ReadAllBytes(path);

        File.WriteAllBytes(path, good[..(good.Length - 3)]);
        var truncated = Assert.Throws<InvalidRecordException>(() => WaveAnnotation.Load(path));
        Assert.Equal("truncated", truncated.Reason);
        Assert.Contains(path, truncated.Message);

        byte[] badMagic = (byte[])good.Clone();
        badMagic[0] = (byte)'X';
        File.WriteAllBytes(path, badMagic);
        Assert.Equal("format", Assert.Throws<InvalidRecordException>(() => WaveAnnotation.Load(path)).Reason);

        Assert.Equal("missing", Assert.Throws<InvalidRecordException>(() => WaveAnnotation.Load(dir.File("none.waves"))).Reason);
    }
}
