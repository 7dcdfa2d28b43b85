using EcgXai.Tests.Support;

namespace EcgXai.Tests.Signals;

/// <summary>The reader tests enumerate folders; this shows those folders hold every record file of the shared data.</summary>
public class SharedDataCoverageTests
{
    [SkippableFact]
    public void EveryRecordFileLiesInAFolderTheReaderTestsLoad()
    {
        string data = SharedData.Require("data");
        string[] wfdbFolders = WfdbRealRecordTests.Folders.Select(row => Path.Combine(SharedData.Root!, (string)row[0])).ToArray();
        foreach (string file in Directory.GetFiles(data, "*", SearchOption.AllDirectories))
        {
            string ext = Path.GetExtension(file);
            string? covered = ext switch
            {
                ".hea" => wfdbFolders.FirstOrDefault(f => file.StartsWith(f + Path.DirectorySeparatorChar, StringComparison.Ordinal)),
                ".h5" => Path.GetDirectoryName(file) == Path.Combine(data, "cinc2021-smoke", "SPH") ? "SPH" : null,
                ".mat" when !File.Exists(Path.ChangeExtension(file, ".hea")) =>
                    Path.GetDirectoryName(file) == Path.Combine(data, "cpsc2018-original") ? "cpsc" : null,
                _ => "not a record",
            };
            Assert.True(covered is not null, $"{file} is not loaded by any reader test");
        }
    }
}
