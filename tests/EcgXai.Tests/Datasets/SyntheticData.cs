using EcgXai.Synthesis;
using EcgXai.Tests.Support;

namespace EcgXai.Tests.Datasets;

/// <summary>Small synthetic data sets written by the synthesis writer into a temp folder, to damage or read back.</summary>
internal static class SyntheticData
{
    /// <summary>Writes <paramref name="records"/> records in <paramref name="layout"/> into <c>temp/name</c> and returns that folder.</summary>
    public static string Write(TempDir temp, SyntheticLayout layout, int records, string name = "data")
    {
        string dir = temp.File(name);
        SyntheticDatasetWriter.Write(new SyntheticDatasetOptions(dir, layout, records, 7, SynthesisSettings.Default));
        return dir;
    }

    /// <summary>The header of PTB-XL layout record <paramref name="ecgId"/> at 500 Hz (at 100 Hz with <paramref name="lowRate"/>).</summary>
    public static string PtbXlHeader(string root, int ecgId, bool lowRate = false) =>
        Path.Combine(root, lowRate ? "records100" : "records500", $"{ecgId / 1000 * 1000:D5}", $"{ecgId:D5}_{(lowRate ? "lr" : "hr")}.hea");
}
