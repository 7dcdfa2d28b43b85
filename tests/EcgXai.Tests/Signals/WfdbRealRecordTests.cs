using EcgXai.Signals;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.Signals;

/// <summary>Every real WFDB record in the shared data loads with verified checksums and plausible physical values.</summary>
public class WfdbRealRecordTests
{
    /// <summary>Folders and their number of headers (-1: any).</summary>
    public static TheoryData<string, int> Folders => new()
    {
        { "data/cinc2017", 3888 },
        { "data/cinc2021-smoke/CPSC_CPSC-Extra", -1 },
        { "data/cinc2021-smoke/ChapmanShaoxing_Ningbo", -1 },
        { "data/cinc2021-smoke/G12EC", -1 },
        { "data/cinc2021-smoke/PTB_PTBXL", -1 },
        { "data/ptbxl-records100/records100", 698 },
        { "data/ptbxl-sample/records100", 1 },
        { "data/ptbxl-sample/challenge2024/hr_gt", 30 },
        { "data/ptbxl-sample/challenge2024/lr_gt", 30 },
        { "data/wfdb-conformance", 3 },
    };

    [SkippableTheory]
    [MemberData(nameof(Folders))]
    public void EveryHeaderLoadsWithPlausibleMillivolts(string folder, int expectedCount)
    {
        string dir = SharedData.Require(folder);
        bool isEcg = !folder.EndsWith("wfdb-conformance", StringComparison.Ordinal);
        string[] headers = Directory.GetFiles(dir, "*.hea", SearchOption.AllDirectories);
        if (expectedCount >= 0)
        {
            Assert.Equal(expectedCount, headers.Length);
        }
        Assert.NotEmpty(headers);
        int checksummed = 0;
        foreach (string path in headers)
        {
            EcgRecord record = WfdbRecordReader.Read(path);
            WfdbHeader header = WfdbHeader.Read(path);
            Assert.Equal(header.Signals.Count, record.LeadCount);
            checksummed += header.Signals.Count(s => s.Checksum is not null);
            Assert.Equal(header.SampleCount, record.SampleCount);
            Assert.Equal(header.SampleRate, record.SampleRate);
            Assert.Equal(path, record.SourcePath);
            float max = 0;
            foreach (float v in record.Samples)
            {
                max = float.IsFinite(v) ? Math.Max(max, Math.Abs(v)) : float.NaN;
            }
            Assert.False(float.IsNaN(max), $"{path}: non-finite sample");
            Assert.True(max < 40 || !isEcg, $"{path}: |value| up to {max} mV is not an ECG");
        }
        Assert.True(checksummed > 0 || folder.EndsWith("cinc2017", StringComparison.Ordinal), "no checksum was verified");
    }

    [SkippableFact]
    public void CinC2021HeaderGivesDemographicsAndDxCodes()
    {
        string path = SharedData.Require("data/cinc2021-smoke/ChapmanShaoxing_Ningbo/JS00001.hea");
        EcgRecord record = WfdbRecordReader.Read(path[..^4]);
        Assert.Equal("JS00001", record.Id);
        Assert.Equal(85, record.Age);
        Assert.Equal(Sex.Male, record.Sex);
        Assert.Equal(["164889003", "59118001", "164934002"], record.SourceLabels);
        Assert.Empty(record.Labels);
        Assert.Equal(LeadNames.Standard12, record.Leads);
        Assert.Equal(500, record.SampleRate);
        Assert.Equal(5000, record.SampleCount);
    }

    [SkippableFact]
    public void NaNAgeIsUnknownAndLabelsLineIsRead()
    {
        EcgRecord g12ec = WfdbRecordReader.Read(SharedData.Require("data/cinc2021-smoke/G12EC/E00001.hea"));
        Assert.Null(g12ec.Age);
        Assert.Equal(Sex.Female, g12ec.Sex);
        EcgRecord ptbxl = WfdbRecordReader.Read(SharedData.Require("data/ptbxl-sample/challenge2024/lr_gt/01612_lr.hea"));
        Assert.Equal(61, ptbxl.Age);
        Assert.Equal(Sex.Female, ptbxl.Sex);
        Assert.Equal(["STTC", "CD"], ptbxl.SourceLabels);
    }

    [SkippableFact]
    public void UpperCaseAugmentedLeadNamesAreNormalised()
    {
        EcgRecord record = WfdbRecordReader.Read(SharedData.Require("data/ptbxl-sample/records100/00000/00001_lr.hea"));
        Assert.Equal(LeadNames.Standard12, record.Leads);
    }

    [SkippableFact]
    public void PhysicalValueIsDigitalMinusBaselineOverGain()
    {
        string path = SharedData.Require("data/wfdb-conformance/100.hea");
        WfdbDigitalRecord digital = WfdbRecordReader.ReadDigital(path);
        EcgRecord record = WfdbRecordReader.Read(path);
        Assert.Equal(1024, digital.Header.Signals[1].Baseline);
        Assert.Equal("V5", record.Leads[1]);
        for (int t = 0; t < 1000; t++)
        {
            Assert.Equal((digital.Samples[1][t] - 1024) / 200f, record.Lead(1)[t], 1e-6f);
        }
    }

    [SkippableFact]
    public void EinthovenLeadIIIIsIIMinusIWithinQuantisation()
    {
        EcgRecord record = WfdbRecordReader.Read(SharedData.Require("data/ptbxl-sample/challenge2024/hr_gt/01612_hr.hea"));
        ReadOnlySpan<float> i = record.Lead(record.IndexOfLead("I"));
        ReadOnlySpan<float> ii = record.Lead(record.IndexOfLead("II"));
        ReadOnlySpan<float> iii = record.Lead(record.IndexOfLead("III"));
        double worst = 0, energy = 0;
        for (int t = 0; t < iii.Length; t++)
        {
            worst = Math.Max(worst, Math.Abs(iii[t] - (ii[t] - i[t])));
            energy = Math.Max(energy, Math.Abs(iii[t]));
        }
        Assert.True(energy > 0.05, "lead III is flat");
        Assert.True(worst <= 0.0025, $"|III - (II - I)| reaches {worst} mV (3 quantisation steps of 1 uV allowed)");
    }
}
