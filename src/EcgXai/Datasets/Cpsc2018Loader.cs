using EcgXai.IO;
using EcgXai.Signals;

namespace EcgXai.Datasets;

/// <summary>
/// CPSC-2018: <c>REFERENCE.csv</c> (<c>Recording,First_label,Second_label,Third_label</c>, codes 1–9) beside either CinC
/// WFDB records (<c>ID.hea</c>) or original MATLAB 5 files (<c>ID.mat</c> without a header). Design decision: when a
/// record's WFDB header also carries <c>#Dx</c> codes, its labels are the union of REFERENCE.csv and the header (so SB
/// and ST, which CPSC codes cannot express, survive). Rows whose file is absent are skipped as "missing-file".
/// </summary>
public sealed class Cpsc2018Loader : IDatasetLoader
{
    /// <summary>The reference file name.</summary>
    public const string ReferenceFile = "REFERENCE.csv";

    private static readonly string[] LabelColumns = ["First_label", "Second_label", "Third_label"];

    private static readonly string[] Codes = ["1", "2", "3", "4", "5", "6", "7", "8", "9"];

    /// <inheritdoc />
    public DatasetIndexContent Index(string root, double? targetRate)
    {
        string reference = Path.Combine(root, ReferenceFile);
        CsvTable table = CsvTable.Read(reference);
        int recording = table.Column("Recording");
        int[] labelColumns = LabelColumns.Where(table.HasColumn).Select(table.Column).ToArray();
        var skipped = new SkipCounter();
        var unknown = new SkipCounter();
        var entries = new List<DatasetEntry>(table.Rows.Count);
        foreach (IReadOnlyList<string> row in table.Rows)
        {
            string id = CsvTable.Field(row, recording).Trim();
            string[] codes = labelColumns.Select(c => CsvTable.Field(row, c).Trim()).Where(c => c.Length > 0).ToArray();
            foreach (string code in codes.Where(c => !Codes.Contains(c)))
            {
                unknown.Add(code);
            }
            string? header = ContainedPath.TryResolve(root, id + ".hea"), mat = ContainedPath.TryResolve(root, id + ".mat");
            if (header is null || mat is null)
            {
                skipped.Add(new SkippedRecord(id, reference, ContainedPath.OutsideReason,
                    $"Recording '{ContainedPath.Printable(id)}' resolves outside the dataset folder {Path.GetFullPath(root)}"));
                continue;
            }
            try
            {
                if (File.Exists(header))
                {
                    entries.Add(ChallengeLoader.Describe(WfdbHeader.Read(header), codes, LabelVocabulary.Cpsc2018) with { Id = id, PatientId = id });
                }
                else if (File.Exists(mat))
                {
                    entries.Add(DescribeMat(id, mat, codes));
                }
                else
                {
                    skipped.Add(new SkippedRecord(id, header, "missing-file", $"named in {reference} but neither {id}.hea nor {id}.mat exists"));
                }
            }
            catch (InvalidRecordException e)
            {
                skipped.Add(id, e);
            }
        }
        // Headers with #Dx codes can express more than REFERENCE.csv; a class counts as readable only when every record can express it.
        LabelVocabulary[] vocabularies = entries.All(e => e.RecordPath.EndsWith(".hea", StringComparison.OrdinalIgnoreCase)) && entries.Count > 0
            ? [LabelVocabulary.Cpsc2018, .. ChallengeLoader.HeaderVocabularies]
            : [LabelVocabulary.Cpsc2018];
        return new DatasetIndexContent(entries, skipped.ToDictionary(), unknown.ToDictionary(), [reference])
        {
            SkippedRecords = skipped.Records(),
            ReadableLabels = LabelMap.Expressible(vocabularies),
        };
    }

    /// <inheritdoc />
    public EcgRecord Read(DatasetEntry entry) =>
        entry.Describe(entry.RecordPath.EndsWith(".hea", StringComparison.OrdinalIgnoreCase)
            ? WfdbRecordReader.Read(entry.RecordPath)
            : Mat5EcgReader.Read(entry.RecordPath));

    /// <summary>An entry for an original MATLAB 5 record: its demographics are inside the file, so it is read here.</summary>
    private static DatasetEntry DescribeMat(string id, string mat, string[] codes)
    {
        EcgRecord record = Mat5EcgReader.Read(mat);
        (IReadOnlyList<string> labels, IReadOnlyList<string> unmapped) = LabelMap.Encode(codes, LabelVocabulary.Cpsc2018);
        return new DatasetEntry(id, id, record.Age, record.Sex, codes, labels, unmapped, mat, [mat]);
    }
}
