using System.Globalization;
using EcgXai.IO;
using EcgXai.Signals.Annotations;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.Signals;

/// <summary>The MIT-format annotation reader against MIT-BIH record 100's <c>.atr</c>, decoded independently here.</summary>
public class WfdbAnnotationReaderTests
{
    [SkippableFact]
    public void Record100AnnotationsEqualAnIndependentDecodeOfTheFile()
    {
        string path = SharedData.Require("data/wfdb-conformance/100.atr");
        IReadOnlyList<WfdbAnnotation> read = WfdbAnnotationReader.Read(path);
        List<(long Sample, int Code)> expected = DecodeTimesAndCodes(File.ReadAllBytes(path));

        Assert.Equal(expected.Count, read.Count);
        Assert.Equal(expected, read.Select(a => (a.Sample, a.Code)));
        Assert.Equal(expected[0].Sample, read[0].Sample);
        Assert.Equal(expected[^1].Sample, read[^1].Sample);
        Assert.Equal(expected.Count(e => AnnotationCode.IsBeat(e.Code)), read.Count(a => a.IsBeat));
        // MIT-BIH Arrhythmia Database directory, record 100: 2,239 normal beats, 33 APCs, 1 PVC; the rhythm is normal sinus.
        Assert.Equal(2239, read.Count(a => a.Mnemonic == "N"));
        Assert.Equal(33, read.Count(a => a.Mnemonic == "A"));
        Assert.Equal(1, read.Count(a => a.Mnemonic == "V"));
        WfdbAnnotation rhythm = Assert.Single(read, a => a.Code == AnnotationCode.Rhythm);
        Assert.Equal("(N", rhythm.Aux);
        Assert.Equal(0, read[0].Sample - expected[0].Sample);
    }

    [SkippableFact]
    public void DumpLinesCarryTimeSampleAndMnemonicLikeRdann()
    {
        string record = SharedData.Require("data/wfdb-conformance/100.hea");
        string[] lines = WfdbAnnotationDump.Lines(record, "atr").ToArray();
        IReadOnlyList<WfdbAnnotation> read = WfdbAnnotationReader.Read(WfdbAnnotationReader.PathOf(record, "atr"));
        Assert.Equal(read.Count, lines.Length);
        string[] first = lines[0].Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(WfdbAnnotationDump.Time(read[0].Sample, 360), first[0]);
        Assert.Equal(read[0].Sample.ToString(CultureInfo.InvariantCulture), first[1]);
        Assert.Equal("+", first[2]);
        Assert.Equal("(N", first[^1]);
        Assert.Equal("30:05.531", WfdbAnnotationDump.Time(649991, 360));
    }

    [Fact]
    public void FieldsModifiersSkipAndAuxDecode()
    {
        // N at 5; SUB 3 and CHN 1 for it; SKIP 100000; V at 100000 + 7 (CHN carries over); AUX "(AFIB" on it; NUM 2; end.
        byte[] bytes =
        [
            .. Word(1, 5), .. Word(61, 3), .. Word(62, 1),
            .. Word(59, 0), .. BitConverter.GetBytes((ushort)(100000 >> 16)), .. BitConverter.GetBytes((ushort)(100000 & 0xFFFF)),
            .. Word(5, 7), .. Word(63, 5), .. "(AFIB"u8.ToArray(), 0, .. Word(60, 2), 0, 0,
        ];
        IReadOnlyList<WfdbAnnotation> read = WfdbAnnotationReader.Parse(bytes, "x.atr");
        Assert.Equal(2, read.Count);
        Assert.Equal(new WfdbAnnotation(5, 1, 3, 1, 0, null), read[0]);
        Assert.Equal(new WfdbAnnotation(100012, 5, 0, 1, 2, "(AFIB"), read[1]);
    }

    [Fact]
    public void DamagedFilesNameTheProblem()
    {
        var aux = Assert.Throws<InvalidRecordException>(() => WfdbAnnotationReader.Parse([.. Word(1, 5), .. Word(63, 9), 65, 66], "bad.atr"));
        Assert.Contains("bad.atr", aux.Message);
        Assert.Equal("truncated", aux.Reason);
        var first = Assert.Throws<InvalidRecordException>(() => WfdbAnnotationReader.Parse([.. Word(61, 1), .. Word(1, 5)], "bad.atr"));
        Assert.Equal("format", first.Reason);
        Assert.Throws<InvalidRecordException>(() => WfdbAnnotationReader.Read("/nonexistent/100.atr"));
    }

    private static byte[] Word(int code, int data) => BitConverter.GetBytes((ushort)((code << 10) | data));

    /// <summary>Times and codes of the real annotations: a word loop over a ushort view, written apart from the reader.</summary>
    private static List<(long Sample, int Code)> DecodeTimesAndCodes(byte[] bytes)
    {
        var result = new List<(long, int)>();
        long t = 0;
        for (int p = 0; p + 1 < bytes.Length;)
        {
            int w = bytes[p] | (bytes[p + 1] << 8);
            p += 2;
            int a = w / 1024, i = w % 1024;
            if (w == 0)
            {
                break;
            }
            if (a == 59)
            {
                t += ((long)(bytes[p] | (bytes[p + 1] << 8)) * 65536) + (bytes[p + 2] | (bytes[p + 3] << 8));
                p += 4;
            }
            else if (a == 63)
            {
                p += i + (i % 2);
            }
            else if (a < 59)
            {
                t += i;
                result.Add((t, a));
            }
        }
        return result;
    }
}
