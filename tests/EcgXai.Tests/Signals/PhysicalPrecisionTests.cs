using System.Globalization;
using EcgXai.Signals;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.Signals;

/// <summary>
/// <c>dump --physical</c> of the held-out conformance records at full precision: every printed value is the exact
/// physical value of the digital sample rdsamp printed ((digital − baseline) / gain, parsed back without loss), and
/// invalid samples print as <c>-</c> as rdsamp does.
/// </summary>
public class PhysicalPrecisionTests
{
    [SkippableTheory]
    [InlineData("binformats", "record-1f.gz", 0, null)]
    [InlineData("test01_00s", "record-1a", 0, null)]
    [InlineData("100", "record-2b", 1, 1)]
    public void PhysicalValuesMatchTheReferenceDigitalSamplesAtFullPrecision(string name, string reference, int from, int? channel)
    {
        string dir = SharedData.Require("data/wfdb-conformance");
        int[][] expected = RdsampOutput.Rows(Path.Combine(dir, reference));
        WfdbHeader header = WfdbHeader.Read(Path.Combine(dir, name));
        int[] channels = channel is { } c ? [c] : [.. Enumerable.Range(0, header.Signals.Count)];
        string[] lines = WfdbDump.Lines(new WfdbDumpOptions(Path.Combine(dir, name), true, from, from + expected.Length, channels)).ToArray();

        Assert.Equal(expected.Length, lines.Length);
        for (int row = 0; row < lines.Length; row++)
        {
            string[] fields = RdsampOutput.Fields(lines[row]);
            for (int k = 0; k < channels.Length; k++)
            {
                WfdbSignalSpec spec = header.Signals[channels[k]];
                int digital = expected[row][k];
                if (spec.IsInvalid(digital))
                {
                    Assert.Equal("-", fields[k]);
                    continue;
                }
                double value = double.Parse(fields[k], CultureInfo.InvariantCulture);
                if (value != (digital - spec.Baseline) / spec.Gain)
                {
                    Assert.Fail($"{name} sample {from + row} signal {channels[k]}: printed {fields[k]}, exact value {(digital - spec.Baseline) / spec.Gain:R}");
                }
            }
        }
    }

    [Theory]
    [InlineData(200, 3)]
    [InlineData(1000, 3)]
    [InlineData(65.536, 13)]
    [InlineData(12.5, 2)]
    [InlineData(3, null)]
    public void ExactDecimalsFollowTheGain(double gain, int? decimals) => Assert.Equal(decimals, WfdbDump.ExactDecimals(gain));
}
