using System.Globalization;
using System.Text.RegularExpressions;
using EcgXai.IO;
using EcgXai.Signals;

namespace EcgXai.Datasets;

/// <summary>
/// PTB-XL: <c>ptbxl_database.csv</c> (every key of <c>scp_codes</c> counts, whatever its likelihood; <c>strat_fold</c>;
/// sex 0 = male, 1 = female; age 300 = 90), WFDB records under <c>filename_hr</c> (500 Hz) when the target rate is
/// above 100 Hz and that record's 500 Hz header exists, else under <c>filename_lr</c> (100 Hz, resampled to the target
/// by the preprocessor); with <c>scp_statements.csv</c> present, codes it does not list are counted as unknown.
/// </summary>
public sealed partial class PtbXlLoader : IDatasetLoader
{
    /// <summary>The database file name.</summary>
    public const string DatabaseFile = "ptbxl_database.csv";

    /// <summary>The optional statement list.</summary>
    public const string StatementsFile = "scp_statements.csv";

    /// <inheritdoc />
    public DatasetIndexContent Index(string root, double? targetRate)
    {
        string database = Path.Combine(root, DatabaseFile);
        CsvTable table = CsvTable.Read(database);
        int id = table.Column("ecg_id"), patient = table.Column("patient_id"), age = table.Column("age"), sex = table.Column("sex"),
            codes = table.Column("scp_codes"), fold = table.Column("strat_fold");
        int low = table.Column("filename_lr");
        int? high = targetRate is > 100 ? table.Column("filename_hr") : null;
        var sources = new List<string> { database };
        HashSet<string>? known = ReadStatements(root, sources);
        var skipped = new SkipCounter();
        var unknown = new SkipCounter();
        var entries = new List<DatasetEntry>(table.Rows.Count);
        foreach (IReadOnlyList<string> row in table.Rows)
        {
            string recordId = DatasetText.Identifier(CsvTable.Field(row, id));
            (string relative, int file) = RecordFile(root, row, low, high);
            Match dict = ScpDictionary().Match(CsvTable.Field(row, codes));
            if (recordId.Length == 0 || relative.Length == 0)
            {
                skipped.Add(new SkippedRecord(recordId, database, "no-file-name", $"row of ecg_id '{recordId}' has no record file name"));
                continue;
            }
            if (!dict.Success)
            {
                skipped.Add(new SkippedRecord(recordId, database, "bad-labels", "scp_codes is not a dictionary of codes and likelihoods"));
                continue;
            }
            if (!int.TryParse(CsvTable.Field(row, fold).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int foldNumber) || foldNumber is < 1 or > 10)
            {
                skipped.Add(new SkippedRecord(recordId, database, "bad-fold", $"strat_fold '{CsvTable.Field(row, fold).Trim()}' is not 1–10"));
                continue;
            }
            if (ContainedPath.TryResolve(root, relative + ".hea") is null)
            {
                skipped.Add(new SkippedRecord(recordId, database, ContainedPath.OutsideReason,
                    $"record file '{ContainedPath.Printable(relative)}' resolves outside the dataset folder {Path.GetFullPath(root)}"));
                continue;
            }
            string[] scp = dict.Groups["key"].Captures.Select(c => c.Value).ToArray();
            foreach (string code in scp.Where(c => known is not null && !known.Contains(c)))
            {
                unknown.Add(code);
            }
            (IReadOnlyList<string> labels, IReadOnlyList<string> unmapped) = LabelMap.Encode(scp, LabelVocabulary.PtbXlScp);
            string patientId = DatasetText.Identifier(CsvTable.Field(row, patient));
            string recordPath = Path.Combine(root, relative);
            entries.Add(new DatasetEntry(
                recordId,
                patientId.Length > 0 ? patientId : recordId,
                DatasetText.Age(CsvTable.Field(row, age)),
                CsvTable.Field(row, sex).Trim() switch { "0" => Sex.Male, "1" => Sex.Female, _ => Sex.Unknown },
                scp,
                labels,
                unmapped,
                recordPath + ".hea",
                [recordPath + ".hea", recordPath + ".dat"],
                foldNumber));
        }
        return new DatasetIndexContent(entries, skipped.ToDictionary(), unknown.ToDictionary(), sources) { SkippedRecords = skipped.Records(), ReadableLabels = LabelMap.Expressible(LabelVocabulary.PtbXlScp) };
    }

    /// <inheritdoc />
    public EcgRecord Read(DatasetEntry entry) => entry.Describe(WfdbRecordReader.Read(entry.RecordPath));

    /// <summary>The row's <c>filename_hr</c> when <paramref name="high"/> is given and its header exists inside the folder, else its <c>filename_lr</c>; with the column used.</summary>
    private static (string Relative, int Column) RecordFile(string root, IReadOnlyList<string> row, int low, int? high)
    {
        if (high is { } column && CsvTable.Field(row, column).Trim() is { Length: > 0 } hr && ContainedPath.TryResolve(root, hr + ".hea") is { } header && File.Exists(header))
        {
            return (hr, column);
        }
        return (CsvTable.Field(row, low).Trim(), low);
    }

    private static HashSet<string>? ReadStatements(string root, List<string> sources)
    {
        string path = Path.Combine(root, StatementsFile);
        if (!File.Exists(path))
        {
            return null;
        }
        sources.Add(path);
        CsvTable statements = CsvTable.Read(path);
        return statements.Rows.Select(r => CsvTable.Field(r, 0).Trim()).Where(c => c.Length > 0).ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^\s*\{\s*(?:'(?<key>[^']*)'\s*:\s*[-+0-9.eE]+(?:\s*,\s*|\s*(?=\})))*\}\s*$")]
    private static partial Regex ScpDictionary();
}
