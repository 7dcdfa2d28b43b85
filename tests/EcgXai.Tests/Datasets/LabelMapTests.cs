using EcgXai.Datasets;

namespace EcgXai.Tests.Datasets;

public sealed class LabelMapTests
{
    [Theory]
    [InlineData(LabelVocabulary.PtbXlScp, "AFIB", "AF")]
    [InlineData(LabelVocabulary.PtbXlScp, "AFLT", "AFL")]
    [InlineData(LabelVocabulary.PtbXlScp, "1AVB", "1dAVb")]
    [InlineData(LabelVocabulary.PtbXlScp, "CRBBB", "RBBB")]
    [InlineData(LabelVocabulary.PtbXlScp, "CLBBB", "LBBB")]
    [InlineData(LabelVocabulary.PtbXlScp, "SBRAD", "SB")]
    [InlineData(LabelVocabulary.PtbXlScp, "STACH", "ST")]
    [InlineData(LabelVocabulary.PtbXlScp, "NORM", "NORM")]
    [InlineData(LabelVocabulary.Cpsc2018, "1", "NORM")]
    [InlineData(LabelVocabulary.Cpsc2018, "2", "AF")]
    [InlineData(LabelVocabulary.Cpsc2018, "3", "1dAVb")]
    [InlineData(LabelVocabulary.Cpsc2018, "4", "LBBB")]
    [InlineData(LabelVocabulary.Cpsc2018, "5", "RBBB")]
    [InlineData(LabelVocabulary.Snomed, "164889003", "AF")]
    [InlineData(LabelVocabulary.Snomed, "164890007", "AFL")]
    [InlineData(LabelVocabulary.Snomed, "270492004", "1dAVb")]
    [InlineData(LabelVocabulary.Snomed, "59118001", "RBBB")]
    [InlineData(LabelVocabulary.Snomed, "713427006", "RBBB")]
    [InlineData(LabelVocabulary.Snomed, "164909002", "LBBB")]
    [InlineData(LabelVocabulary.Snomed, "733534002", "LBBB")]
    [InlineData(LabelVocabulary.Snomed, "426177001", "SB")]
    [InlineData(LabelVocabulary.Snomed, "427084000", "ST")]
    [InlineData(LabelVocabulary.Snomed, "426783006", "NORM")]
    [InlineData(LabelVocabulary.CinC2020, "AF", "AF")]
    [InlineData(LabelVocabulary.CinC2020, "I-AVB", "1dAVb")]
    [InlineData(LabelVocabulary.CinC2020, "RBBB", "RBBB")]
    [InlineData(LabelVocabulary.CinC2020, "LBBB", "LBBB")]
    [InlineData(LabelVocabulary.CinC2020, "Normal", "NORM")]
    [InlineData(LabelVocabulary.CinC2017, "A", "AF")]
    [InlineData(LabelVocabulary.CinC2017, "N", "NORM")]
    public void EveryTableEntryMaps(LabelVocabulary vocabulary, string code, string label) =>
        Assert.Equal(label, LabelMap.Map(vocabulary, code));

    [Theory]
    [InlineData(LabelVocabulary.PtbXlScp, "IRBBB")]
    [InlineData(LabelVocabulary.PtbXlScp, "ILBBB")]
    [InlineData(LabelVocabulary.PtbXlScp, "AF")]
    [InlineData(LabelVocabulary.PtbXlScp, "SR")]
    [InlineData(LabelVocabulary.Snomed, "713426002")]
    [InlineData(LabelVocabulary.Snomed, "251146004")]
    [InlineData(LabelVocabulary.Cpsc2018, "6")]
    [InlineData(LabelVocabulary.Cpsc2018, "9")]
    [InlineData(LabelVocabulary.CinC2020, "IRBBB")]
    [InlineData(LabelVocabulary.CinC2017, "O")]
    [InlineData(LabelVocabulary.CinC2017, "~")]
    public void IncompleteBlocksAndOtherCodesAreNotGuessed(LabelVocabulary vocabulary, string code) =>
        Assert.Null(LabelMap.Map(vocabulary, code));

    [Fact]
    public void TableHasExactlyTheIssueRowsAndCodes()
    {
        // The clinical labels of the issue, then the planted-evidence classes (issue 11), each its own PTB-XL-layout code.
        Assert.Equal(["AF", "AFL", "1dAVb", "RBBB", "LBBB", "SB", "ST", "NORM",
            "EVIDENCE_P_ABSENT", "EVIDENCE_RR_IRREGULAR", "EVIDENCE_ST_ELEVATION", "EVIDENCE_QRS_WIDE"], LabelMap.Labels);
        Assert.Equal(8 + 5 + 10 + 5 + 2 + 4, LabelMap.Table.Sum(r => r.PtbXl.Length + r.Cpsc2018.Length + r.Snomed.Length + r.CinC2020.Length + r.CinC2017.Length));
        Assert.True(LabelMap.Ribeiro.All(LabelMap.IsLabel));
    }

    [Fact]
    public void EncodeKeepsUnknownCodesRawAndOrdersLabels()
    {
        var (labels, unmapped) = LabelMap.Encode(["426783006", "164889003", "713426002", "XYZ", "164889003"], LabelVocabulary.Snomed, LabelVocabulary.CinC2020);
        Assert.Equal(["AF", "NORM"], labels);
        Assert.Equal(["713426002", "XYZ"], unmapped);
    }
}
